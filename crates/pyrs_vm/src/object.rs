//! Heap objects: a CPython-like header (reference count first, then the type),
//! the instance `__dict__` slot, and the payload that says what kind of builtin
//! object it is. `ObjRef` is the counted pointer to one.
//!
//! Reference counts are not atomic: the GIL protects them (DESIGN.md decision 3).
//! Destruction is deterministic: the last `ObjRef` dropped frees the object.

use crate::gil_cell::GilCell;
use crate::objects;
use crate::value::Value;
use std::cell::Cell;
use std::ptr::NonNull;

/// The header every heap object starts with, laid out as CPython's `PyObject`
/// (`ob_refcnt`, `ob_type`) so a C-API layer stays possible.
#[repr(C)]
pub struct PyObject {
    ob_refcnt: Cell<usize>,
    /// A counted reference to the type, held as a raw pointer so that `type`
    /// can be its own type.
    ob_type: Cell<NonNull<PyObject>>,
    /// The instance `__dict__`, for objects whose type gives them one.
    pub dict: GilCell<Option<ObjRef>>,
    /// Position in the cycle collector's registry, or `UNTRACKED`.
    pub(crate) gc_index: Cell<u32>,
    /// `FLAG_*` bits.
    pub(crate) flags: Cell<u32>,
    pub payload: Payload,
}

/// `gc_index` of an object the cycle collector does not track.
pub(crate) const UNTRACKED: u32 = u32::MAX;
/// Weak references to this object exist (look in the weakref table on free).
pub(crate) const FLAG_WEAKREFS: u32 = 1;
/// Its finalizer (`__del__`, a generator's close) ran or is queued; never twice (PEP 442).
pub(crate) const FLAG_FINALIZED: u32 = 2;

/// What a heap object is, at the level of Rust data. An instance of a Python
/// subclass carries the payload of its builtin base (a `list` subclass has a
/// `List` payload); `ob_type` tells the Python type.
pub enum Payload {
    /// An instance of a class whose only builtin base is `object`.
    Instance,
    /// An int that does not fit the inline `Value::Int` (or an int subclass instance).
    Int(num_bigint::BigInt),
    /// A float subclass instance (plain floats live inline in `Value::Float`).
    Float(f64),
    Str(objects::str::PyStr),
    Bytes(Box<[u8]>),
    Tuple(Box<[Value]>),
    List(GilCell<Vec<Value>>),
    Dict(GilCell<objects::dict::DictData>),
    Type(Box<objects::type_::TypeData>),
    Function(Box<objects::function::Function>),
    NativeFunction(objects::native::NativeFunction),
    BoundMethod {
        func: Value,
        self_: Value,
    },
    Code(std::rc::Rc<objects::code::Code>),
    Cell(GilCell<Value>),
    Module(objects::module::ModuleData),
    Exception(Box<objects::exception::ExceptionData>),
    Traceback(objects::traceback::TracebackData),
    Frame(Box<objects::frame::FrameObject>),
    Range(objects::range::RangeData),
    Slice(Box<[Value; 3]>),
    Iterator(GilCell<objects::iter::IterState>),
    /// Singletons that are neither None nor bool: `NotImplemented`, `Ellipsis`.
    Singleton(&'static str),
    /// A generator, coroutine or async generator with its suspended frame.
    Generator(Box<objects::generator::GenData>),
    /// An async generator's awaitables and wrapped values (objects/async_gen.rs).
    AsyncGen(Box<objects::async_gen::AgObject>),
    /// `types.MappingProxyType`: a read-only view of the mapping it holds.
    MappingProxy(Value),
    /// A weak reference or weak proxy.
    WeakRef(Box<crate::modules::weakref::WeakRefData>),
    /// `set` and `frozenset` (the type tells which).
    Set(GilCell<objects::set::SetData>),
    ByteArray(GilCell<Vec<u8>>),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    MemoryView(Box<crate::types::memoryview::MemView>),
    /// `list[int]`: a `types.GenericAlias`.
    GenericAlias {
        origin: Value,
        args: Value,
    },
    /// An instance of a class a native module defines (`collections.deque`,
    /// the `itertools` iterators): Rust state the VM reaches only through
    /// `NativeData`, whose methods are the class's native dunders.
    Native(Box<dyn objects::native::NativeData>),
    /// `int | str`: a `types.UnionType`; the tuple of its arguments.
    Union(Value),
    /// A file object made by `open()`.
    File(Box<GilCell<crate::types::file::FileData>>),
    /// `dict_keys`, `dict_values`, `dict_items`: a live view of `dict`.
    DictView {
        dict: ObjRef,
        kind: objects::iter::DictIterKind,
    },
    // The class machinery (objects/descriptor.rs).
    Property(Box<objects::descriptor::PropertyData>),
    ClassMethod(Value),
    StaticMethod(Value),
    Super(Box<objects::descriptor::SuperData>),
    MemberDescr(Box<objects::descriptor::MemberDescr>),
    /// The `__getitem__` sequence iterator: the sequence (Null once exhausted)
    /// and the next index.
    SeqIter(GilCell<(Value, usize)>),
    /// An instance of a class with `__slots__` (and `object` as its only
    /// builtin base): one value per slot, Null while unset.
    Slots(GilCell<Vec<Value>>),
}

/// A counted reference to a heap object. Cloning increments the count; dropping
/// decrements it and frees the object at zero.
#[repr(transparent)]
pub struct ObjRef(NonNull<PyObject>);

impl ObjRef {
    /// Allocate a new object of type `ty` (the new object holds a reference to it).
    pub fn new(ty: &ObjRef, payload: Payload) -> ObjRef {
        ty.incref();
        let tracked = crate::runtime::gc::is_container(&payload);
        let obj = ObjRef(alloc_object(PyObject {
            ob_refcnt: Cell::new(1),
            ob_type: Cell::new(ty.0),
            dict: GilCell::new(None),
            gc_index: Cell::new(UNTRACKED),
            flags: Cell::new(0),
            payload,
        }));
        if tracked {
            crate::runtime::gc::track(&obj);
        }
        obj
    }

    /// Allocate an object that is its own type: only `type` itself.
    pub(crate) fn new_self_typed(payload: Payload) -> ObjRef {
        let boxed = Box::new(PyObject {
            ob_refcnt: Cell::new(1),
            ob_type: Cell::new(NonNull::dangling()),
            dict: GilCell::new(None),
            gc_index: Cell::new(UNTRACKED),
            flags: Cell::new(0),
            payload,
        });
        let ptr = NonNull::from(Box::leak(boxed));
        let obj = ObjRef(ptr);
        // The self-reference is counted, so `type` is never freed.
        obj.incref();
        obj.ob_type.set(ptr);
        obj
    }

    #[inline(always)]
    fn incref(&self) {
        let c = &self.ob_refcnt;
        c.set(c.get() + 1);
    }

    /// The object's type.
    #[inline(always)]
    pub fn class(&self) -> &ObjRef {
        // SAFETY: ObjRef and Cell<NonNull<PyObject>> have the same layout, and the
        // type is kept alive by the reference this object holds on it.
        unsafe { &*(self.ob_type.as_ptr() as *const ObjRef) }
    }

    /// Replace the type (`obj.__class__ = C`, and the bootstrap of builtin types).
    pub fn set_class(&self, ty: &ObjRef) {
        ty.incref();
        let old = ObjRef(self.ob_type.replace(ty.0));
        drop(old);
    }

    #[inline(always)]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.0 == other.0
    }

    /// The address, which is also `id()`.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// A new reference from a raw pointer to a live object (the collector's
    /// registry and weak references hold uncounted pointers).
    ///
    /// # Safety
    /// `ptr` must point at an object that is still alive.
    pub(crate) unsafe fn from_raw_borrowed(ptr: *const PyObject) -> ObjRef {
        // SAFETY: the caller guarantees the object is alive.
        let r = ObjRef(unsafe { NonNull::new_unchecked(ptr as *mut PyObject) });
        r.incref();
        r
    }

    /// Bring back an object whose count reached zero (to run its finalizer):
    /// the returned reference is its one count.
    ///
    /// # Safety
    /// `obj` must be live with a count of zero, not yet freed.
    pub(crate) unsafe fn resurrect(obj: &PyObject) -> ObjRef {
        obj.ob_refcnt.set(1);
        ObjRef(NonNull::from(obj))
    }

    pub(crate) fn as_ptr(&self) -> *const PyObject {
        self.0.as_ptr()
    }
}

impl PyObject {
    pub fn refcount(&self) -> usize {
        self.ob_refcnt.get()
    }

    pub(crate) fn class_ptr(&self) -> *const PyObject {
        self.ob_type.get().as_ptr()
    }

    /// The type data, if this object is a type.
    pub fn payload_type_opt(&self) -> Option<&objects::type_::TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }
}

impl std::ops::Deref for ObjRef {
    type Target = PyObject;
    #[inline(always)]
    fn deref(&self) -> &PyObject {
        // SAFETY: an ObjRef always points at a live object: it owns one count.
        unsafe { self.0.as_ref() }
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        self.incref();
        ObjRef(self.0)
    }
}

impl Drop for ObjRef {
    #[inline]
    fn drop(&mut self) {
        let c = &self.ob_refcnt;
        let n = c.get() - 1;
        c.set(n);
        if n == 0 {
            // SAFETY: this was the last reference; the box came from `new`.
            unsafe { dealloc(self.0) }
        }
    }
}

/// Deallocations nest (freeing a list frees its items); past this depth the
/// rest are queued and freed iteratively, so that freeing a deeply nested
/// structure cannot overflow the Rust stack (CPython's "trashcan").
const TRASHCAN_DEPTH: usize = 64;

thread_local! {
    static DEALLOC_DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: std::cell::RefCell<Vec<NonNull<PyObject>>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cold]
unsafe fn dealloc(ptr: NonNull<PyObject>) {
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        DEFERRED.with(|q| q.borrow_mut().push(ptr));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: called once, when the count reached zero.
    unsafe { free(ptr) };
    if depth == 0 {
        // The outermost deallocation empties the queue; objects freed from
        // it start a fresh nesting of their own.
        while let Some(next) = DEFERRED.with(|q| q.borrow_mut().pop()) {
            // SAFETY: queued objects reached zero and were not freed yet.
            unsafe { free(next) };
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

/// Free one object whose count reached zero.
unsafe fn free(ptr: NonNull<PyObject>) {
    {
        // SAFETY: the object is live until the box below is dropped.
        let obj = unsafe { ptr.as_ref() };
        if crate::runtime::finalize::needs_finalizer(obj) && crate::runtime::finalize::schedule(obj)
        {
            return;
        }
    }
    // SAFETY: the caller owns the last reference; the box came from `new`.
    let boxed = unsafe { Box::from_raw(ptr.as_ptr()) };
    if boxed.gc_index.get() != UNTRACKED {
        crate::runtime::gc::untrack(&boxed);
    }
    if boxed.flags.get() & FLAG_WEAKREFS != 0 {
        crate::modules::weakref::referent_freed(ptr.as_ptr() as usize);
    }
    if let Payload::WeakRef(_) = &boxed.payload {
        crate::modules::weakref::weakref_freed(&boxed);
    }
    // The type reference is released after the payload, as CPython's
    // subtype_dealloc does, so the type outlives its instance's teardown.
    let ty = ObjRef(boxed.ob_type.get());
    let raw = Box::into_raw(boxed);
    // SAFETY: `raw` is the live object, dropped once here; its memory
    // then holds nothing and goes to the free list or back to the allocator.
    unsafe {
        std::ptr::drop_in_place(raw);
        release_block(raw);
    }
    drop(ty);
}

/// Freed objects' memory, kept for the next allocations: every object is
/// one `PyObject` (the payload is an enum), so one intrusive list serves
/// all types, as CPython's per-type free lists do for its commonest ones.
/// A short-lived str or float then costs no trip through malloc and free.
/// The list is per thread and capped; what it holds when a thread ends
/// stays allocated (no destructor: the list is plain `Cell`s).
const FREE_BLOCKS_MAX: usize = 1024;

struct FreeBlock {
    next: *mut FreeBlock,
}

thread_local! {
    static FREE_BLOCKS: Cell<(*mut FreeBlock, usize)> =
        const { Cell::new((std::ptr::null_mut(), 0)) };
}

/// Move `obj` into a block from the free list, or a fresh allocation.
#[inline]
fn alloc_object(obj: PyObject) -> NonNull<PyObject> {
    let block = FREE_BLOCKS.with(|fl| {
        let (head, n) = fl.get();
        if head.is_null() {
            return None;
        }
        // SAFETY: a listed block is unused memory whose first word is
        // the link written by `release_block`.
        fl.set((unsafe { (*head).next }, n - 1));
        Some(head as *mut PyObject)
    });
    match block {
        Some(p) => {
            // SAFETY: the block has the size and alignment of a `PyObject`
            // (it was one) and nothing else refers to it.
            unsafe {
                p.write(obj);
                NonNull::new_unchecked(p)
            }
        }
        None => NonNull::from(Box::leak(Box::new(obj))),
    }
}

/// Give the memory of a dropped `PyObject` to the free list, or back to
/// the allocator when the list is full.
///
/// # Safety
/// `p` came from `alloc_object` (or `Box<PyObject>`), its object has been
/// dropped, and nothing refers to it any more.
unsafe fn release_block(p: *mut PyObject) {
    const {
        assert!(std::mem::size_of::<PyObject>() >= std::mem::size_of::<FreeBlock>());
        assert!(std::mem::align_of::<PyObject>() >= std::mem::align_of::<FreeBlock>());
    }
    let listed = FREE_BLOCKS.with(|fl| {
        let (head, n) = fl.get();
        if n >= FREE_BLOCKS_MAX {
            return false;
        }
        let b = p as *mut FreeBlock;
        // SAFETY: the block is unused memory large enough for the link.
        unsafe { b.write(FreeBlock { next: head }) };
        fl.set((b, n + 1));
        true
    });
    if !listed {
        // SAFETY: the memory was allocated for one `PyObject` by `Box`.
        unsafe { std::alloc::dealloc(p as *mut u8, std::alloc::Layout::new::<PyObject>()) };
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<object at {:#x}>", self.addr())
    }
}
