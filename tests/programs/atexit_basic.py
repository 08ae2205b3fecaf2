import atexit
def bye(name, punct='!'): print('bye', name + punct)
atexit.register(bye, 'first')
atexit.register(bye, 'second', punct='?')
def gone(): print('never')
atexit.register(gone); atexit.unregister(gone)
print('main done')
