/* Splits text on whitespace and counts the words: the example's C extension. */
#include <Python.h>
#include <ctype.h>

static PyObject *count_words(PyObject *self, PyObject *arg) {
    const char *text = PyUnicode_AsUTF8(arg);
    if (text == NULL) return NULL;
    PyObject *counts = PyDict_New();
    if (counts == NULL) return NULL;
    const char *p = text;
    while (*p) {
        while (*p && isspace((unsigned char)*p)) p++;
        const char *start = p;
        while (*p && !isspace((unsigned char)*p)) p++;
        if (p == start) break;
        PyObject *word = PyUnicode_FromStringAndSize(start, p - start);
        if (word == NULL) { Py_DECREF(counts); return NULL; }
        PyObject *old = PyDict_GetItemWithError(counts, word);
        long n = old ? PyLong_AsLong(old) + 1 : 1;
        PyObject *value = PyLong_FromLong(n);
        if (value == NULL || PyDict_SetItem(counts, word, value) < 0) {
            Py_XDECREF(value); Py_DECREF(word); Py_DECREF(counts); return NULL;
        }
        Py_DECREF(value);
        Py_DECREF(word);
    }
    return counts;
}

static PyMethodDef methods[] = {{"count_words", count_words, METH_O, "Count whitespace-separated words."}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_count", NULL, -1, methods};

PyMODINIT_FUNC PyInit__count(void) { return PyModule_Create(&module); }
