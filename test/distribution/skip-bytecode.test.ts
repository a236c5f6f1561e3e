import { COMPILEALL_CALL } from '../../src/distribution/configured-tree'

// The install rules of CPython's generated Makefile, as 3.11 (one call per level) and
// 3.14 (one call for the three levels) write them.
const MAKEFILE_311 = `libinstall:
	-PYTHONPATH=$(DESTDIR)$(LIBDEST)  $(RUNSHARED) \\
		$(PYTHON_FOR_BUILD) -Wi $(DESTDIR)$(LIBDEST)/compileall.py \\
		-j0 -d $(LIBDEST) -f -x 'bad_coding|badsyntax|site-packages' $(DESTDIR)$(LIBDEST)
	-PYTHONPATH=$(DESTDIR)$(LIBDEST) $(RUNSHARED) \\
		$(PYTHON_FOR_BUILD) -Wi -O $(DESTDIR)$(LIBDEST)/compileall.py \\
		-j0 -d $(LIBDEST) -f $(DESTDIR)$(LIBDEST)
	-PYTHONPATH=$(DESTDIR)$(LIBDEST) $(RUNSHARED) \\
		$(PYTHON_FOR_BUILD) -Wi -OO $(DESTDIR)$(LIBDEST)/compileall.py \\
		-j0 -d $(LIBDEST) -f $(DESTDIR)$(LIBDEST)
	$(INSTALL_DATA) $(srcdir)/LICENSE $(DESTDIR)$(LIBDEST)/LICENSE.txt
`
const MAKEFILE_314 = `	-PYTHONPATH=$(DESTDIR)$(LIBDEST) $(RUNSHARED) \\
		$(PYTHON_FOR_BUILD) -Wi $(DESTDIR)$(LIBDEST)/compileall.py \\
		-o 0 -o 1 -o 2 $(COMPILEALL_OPTS) -d $(LIBDEST) -f \\
		-x 'bad_coding|badsyntax|site-packages' \\
		$(DESTDIR)$(LIBDEST)
`

describe('the install rules without compileall', () => {
  test('every compileall call becomes `:` and nothing else changes', () => {
    const patched = MAKEFILE_311.replace(COMPILEALL_CALL, ':')
    expect(patched).not.toContain('compileall')
    expect(patched.match(/\$\(RUNSHARED\) \\\n\t\t: \\/g)).toHaveLength(3)
    expect(patched).toContain('$(INSTALL_DATA) $(srcdir)/LICENSE')
    expect(MAKEFILE_314.replace(COMPILEALL_CALL, ':')).not.toContain('compileall')
  })
})
