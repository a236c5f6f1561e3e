/* Test extension registered in the inittab under the dotted name
   "seal_app._speedups" (3.11's BuiltinImporter alone cannot import it).
   Single-phase, and on a free-threaded CPython it declares that it runs
   without the GIL, so importing it leaves the GIL disabled. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
add(PyObject *self, PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b)) {
        return NULL;
    }
    return PyLong_FromLong(a + b);
}

static PyMethodDef methods[] = {
    {"add", add, METH_VARARGS, "add(a, b) -> a + b"},
    {NULL, NULL, 0, NULL},
};

#ifndef MODULE_NAME /* also built as the shared module "seal_side" */
#define MODULE_NAME "seal_app._speedups"
#define INIT_FUNC PyInit__speedups
#endif

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, MODULE_NAME, NULL, -1, methods,
};

PyMODINIT_FUNC
INIT_FUNC(void)
{
    PyObject *m = PyModule_Create(&module);
#ifdef Py_GIL_DISABLED
    if (m != NULL && PyUnstable_Module_SetGIL(m, Py_MOD_GIL_NOT_USED) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#endif
    return m;
}
