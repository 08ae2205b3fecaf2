# _IOBase's finalizer (iobase_finalize): close() of a dying open stream, with
# _finalizing set first; a failing closed or close is silent.
import io, _io
class C(io.StringIO):
    def close(self):
        print("close", getattr(self, "_finalizing", None))
        super().close()
C("x")
class B(io.BytesIO):
    @property
    def closed(self):
        raise RuntimeError("boom")
B()
class R(_io._RawIOBase):
    def close(self):
        print("raw close", self._finalizing)
        raise OSError("ignored")
R()
class D(io.BytesIO):
    def close(self):
        print("D close")
d = D(); d.close(); del d
print(hasattr(io.StringIO, '__del__'), '__del__' in vars(_io._IOBase), '__del__' in vars(io.StringIO))
print("end")
