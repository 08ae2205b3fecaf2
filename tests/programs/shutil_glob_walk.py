import os, shutil, glob, fnmatch
d = '/tmp/pyrs_shutil_tree_%d' % os.getpid()
shutil.rmtree(d, ignore_errors=True)
os.makedirs(d + '/a/b')
with open(d + '/f.txt', 'w') as f:
    f.write('hello')
print(sorted(os.path.basename(x) for x in glob.glob(d + '/*')), sorted(glob.glob('**/*.txt', root_dir=d, recursive=True)))
shutil.copy(d + '/f.txt', d + '/g.txt')
shutil.copytree(d + '/a', d + '/c')
print(sorted(os.listdir(d)))
for root, dirs, files in sorted(os.walk(d)):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
shutil.move(d + '/g.txt', d + '/a/b/h.txt')
print(sorted(glob.glob('**/*.txt', root_dir=d, recursive=True)))
print(os.path.getsize(d + '/f.txt'), os.path.splitext('x/y.tar.gz'), fnmatch.fnmatch('abc.py', '*.py'))
shutil.rmtree(d)
print(os.path.exists(d))
