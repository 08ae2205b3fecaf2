//! Every builtin type object, made once at start-up from declarative tables:
//! a name, a base, the payload kind of instances, and the method table that the
//! type's module in `objects`/`builtins` declares.

use crate::gil_cell::GilCell;
use crate::object::{ObjRef, Payload};
use crate::objects::dict::DictData;
use crate::objects::native::{MethodDef, NativeFunction};
use crate::objects::str::PyStr;
use crate::objects::type_::{BaseKind, TypeData};
use crate::value::Value;

/// Make a type object. Its `__dict__` holds the methods of `methods`.
pub fn new_type(
    meta: &ObjRef,
    dict_type: &ObjRef,
    name: &str,
    base: Option<&ObjRef>,
    base_kind: BaseKind,
    base_type: bool,
) -> ObjRef {
    let dict = ObjRef::new(dict_type, Payload::Dict(GilCell::new(DictData::new())));
    let bases: Vec<ObjRef> = base.into_iter().cloned().collect();
    let data = TypeData {
        name: GilCell::new(name.to_string()),
        qualname: GilCell::new(name.to_string()),
        bases: GilCell::new(bases),
        mro: GilCell::new(Vec::new()),
        dict,
        base_kind,
        heap_type: false,
        cache: Default::default(),
        base_type,
        native_module: false,
    };
    let ty = ObjRef::new(meta, Payload::Type(Box::new(data)));
    set_linear_mro(&ty);
    ty
}

/// A class that a native module defines (`collections.deque`,
/// `itertools.chain`): a heap type, so that the protocols call its native
/// special methods as they call a class statement's; `module.name` in its
/// repr. `base` None means `object`; `base_kind` is the payload a subclass's
/// instances get when the class has no `__new__` of its own.
pub fn new_module_class(
    types: &Types,
    module: &str,
    name: &str,
    base: Option<&ObjRef>,
    base_kind: BaseKind,
    methods: &[MethodDef],
) -> ObjRef {
    let base = base.unwrap_or(&types.object);
    let dict = ObjRef::new(&types.dict, Payload::Dict(GilCell::new(DictData::new())));
    let data = TypeData {
        name: GilCell::new(name.to_string()),
        qualname: GilCell::new(name.to_string()),
        bases: GilCell::new(vec![base.clone()]),
        mro: GilCell::new(Vec::new()),
        dict,
        base_kind,
        heap_type: true,
        cache: Default::default(),
        base_type: true,
        native_module: true,
    };
    let ty = ObjRef::new(&types.type_, Payload::Type(Box::new(data)));
    set_linear_mro(&ty);
    add_methods(types, &ty, methods);
    let t = ty.payload_type();
    let s = |x: &str| Value::Obj(ObjRef::new(&types.str_, Payload::Str(PyStr::new(x))));
    crate::protocol::dict_set_str_raw(types, &t.dict, "__module__", s(module));
    crate::protocol::dict_set_str_raw(types, &t.dict, "__doc__", Value::None);
    ty
}

/// The MRO of a single-inheritance chain: the type, then its base's MRO.
pub fn set_linear_mro(ty: &ObjRef) {
    if let Payload::Type(t) = &ty.payload {
        let mut mro = vec![ty.clone()];
        if let Some(base) = t.bases.get().first() {
            if let Payload::Type(b) = &base.payload {
                mro.extend(b.mro.get().iter().cloned());
            }
        }
        *t.mro.get_mut() = mro;
    }
}

/// `__doc__ = None` in a type's dict unless it has one.
fn set_doc_default(types: &Types, dict: &ObjRef) {
    if crate::protocol::dict::dict_get_str(dict, "__doc__").is_none() {
        crate::protocol::dict_set_str_raw(types, dict, "__doc__", Value::None);
    }
}

/// Put native methods into a type's dict as method descriptors.
pub fn add_methods(types: &Types, ty: &ObjRef, methods: &[MethodDef]) {
    let Payload::Type(t) = &ty.payload else {
        return;
    };
    set_doc_default(types, &t.dict);
    for def in methods {
        let f = ObjRef::new(
            &types.builtin_function,
            Payload::NativeFunction(NativeFunction {
                def: *def,
                self_: None,
                owner: Some(ty.clone()),
            }),
        );
        crate::protocol::dict_set_str_raw(types, &t.dict, def.name, f.into());
    }
}

macro_rules! exception_types {
    (($meta:ident, $dict:ident, $object:ident) $($field:ident : $name:literal < $base:ident,)*) => {
        /// The builtin exception classes, each a field.
        pub struct ExcTypes {
            $(pub $field: ObjRef,)*
        }

        impl ExcTypes {
            fn new($meta: &ObjRef, $dict: &ObjRef, $object: &ObjRef) -> ExcTypes {
                $(let $field = &new_type($meta, $dict, $name, Some($base), BaseKind::Exception, true);)*
                ExcTypes { $($field: $field.clone(),)* }
            }

            /// Every exception class with its name, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![$(($name, &self.$field),)*]
            }
        }
    };
}

exception_types! {
    (meta, dict, object)
    base_exception: "BaseException" < object,
    base_exception_group: "BaseExceptionGroup" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    system_exit: "SystemExit" < base_exception,
    exception: "Exception" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    exception_group: "ExceptionGroup" < base_exception_group,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    stop_async_iteration: "StopAsyncIteration" < exception,
    stop_iteration: "StopIteration" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    bytes_warning: "BytesWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    user_warning: "UserWarning" < warning,
}

/// The builtin types the runtime refers to by name.
pub struct Types {
    pub type_: ObjRef,
    pub object: ObjRef,
    pub int: ObjRef,
    pub bool_: ObjRef,
    pub float: ObjRef,
    pub str_: ObjRef,
    pub bytes: ObjRef,
    pub tuple: ObjRef,
    pub list: ObjRef,
    pub dict: ObjRef,
    pub none: ObjRef,
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
    pub function: ObjRef,
    pub builtin_function: ObjRef,
    pub method: ObjRef,
    pub code: ObjRef,
    pub cell: ObjRef,
    pub module: ObjRef,
    pub frame: ObjRef,
    pub traceback: ObjRef,
    pub range: ObjRef,
    pub slice: ObjRef,
    pub list_iterator: ObjRef,
    pub tuple_iterator: ObjRef,
    pub str_iterator: ObjRef,
    pub range_iterator: ObjRef,
    pub longrange_iterator: ObjRef,
    pub dict_keyiterator: ObjRef,
    pub dict_valueiterator: ObjRef,
    pub dict_itemiterator: ObjRef,
    pub generator: ObjRef,
    pub simple_namespace: ObjRef,
    pub weakref: ObjRef,
    pub weakproxy: ObjRef,
    pub weakcallableproxy: ObjRef,
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub async_generator_asend: ObjRef,
    pub async_generator_athrow: ObjRef,
    pub async_generator_wrapped_value: ObjRef,
    pub anext_awaitable: ObjRef,
    pub mappingproxy: ObjRef,
    pub set: ObjRef,
    pub frozenset: ObjRef,
    pub bytearray: ObjRef,
    pub complex: ObjRef,
    pub dict_keys: ObjRef,
    pub dict_values: ObjRef,
    pub dict_items: ObjRef,
    pub set_iterator: ObjRef,
    pub enumerate: ObjRef,
    pub zip: ObjRef,
    pub map: ObjRef,
    pub filter: ObjRef,
    pub reversed: ObjRef,
    pub callable_iterator: ObjRef,
    /// The `__getitem__`-protocol iterator (CPython's `iterator` type).
    pub seq_iterator: ObjRef,
    pub list_reverseiterator: ObjRef,
    pub bytes_iterator: ObjRef,
    pub bytearray_iterator: ObjRef,
    pub text_io_wrapper: ObjRef,
    pub memoryview: ObjRef,
    pub generic_alias: ObjRef,
    /// `types.UnionType`, what `int | str` makes.
    pub union_type: ObjRef,
    /// The iterator of a non-ASCII str (`str_iterator`).
    pub str_unicode_iterator: ObjRef,
    pub buffered_reader: ObjRef,
    pub buffered_writer: ObjRef,
    pub exc: ExcTypes,
    /// property, classmethod, staticmethod, super... (objects/descriptor.rs).
    pub class: crate::objects::descriptor::ClassTypes,
    /// The singletons that are heap objects.
    pub not_implemented_value: ObjRef,
    pub ellipsis_value: ObjRef,
}

impl Types {
    pub fn new() -> Types {
        // `type` is its own type, and every type's namespace is a `dict`, which
        // is itself a type: the first namespaces are made with a bootstrap
        // placeholder type and re-typed once `dict` exists.
        let boot = ObjRef::new_self_typed(Payload::Instance);
        let type_data = TypeData {
            name: GilCell::new("type".into()),
            qualname: GilCell::new("type".into()),
            bases: GilCell::new(Vec::new()),
            mro: GilCell::new(Vec::new()),
            dict: ObjRef::new(&boot, Payload::Dict(GilCell::new(DictData::new()))),
            base_kind: BaseKind::Type,
            heap_type: false,
            cache: Default::default(),
            base_type: true,
            native_module: false,
        };
        let type_ = ObjRef::new_self_typed(Payload::Type(Box::new(type_data)));
        let object = new_type(&type_, &boot, "object", None, BaseKind::Object, true);
        let dict = new_type(&type_, &boot, "dict", Some(&object), BaseKind::Dict, true);
        *type_.payload_type().bases.get_mut() = vec![object.clone()];
        set_linear_mro(&type_);
        for t in [&type_, &object, &dict] {
            t.payload_type().dict.set_class(&dict);
        }

        let t = |name: &str, base: &ObjRef, kind: BaseKind, base_type: bool| {
            new_type(&type_, &dict, name, Some(base), kind, base_type)
        };
        let int = t("int", &object, BaseKind::Int, true);
        let bool_ = t("bool", &int, BaseKind::Int, false);
        let na = BaseKind::NotInstantiable;
        let types = Types {
            float: t("float", &object, BaseKind::Float, true),
            str_: t("str", &object, BaseKind::Str, true),
            bytes: t("bytes", &object, BaseKind::Bytes, true),
            tuple: t("tuple", &object, BaseKind::Tuple, true),
            list: t("list", &object, BaseKind::List, true),
            none: t("NoneType", &object, na, false),
            not_implemented: t("NotImplementedType", &object, na, false),
            ellipsis: t("ellipsis", &object, na, false),
            function: t("function", &object, na, false),
            builtin_function: t("builtin_function_or_method", &object, na, false),
            method: t("method", &object, na, false),
            code: t("code", &object, na, false),
            cell: t("cell", &object, na, false),
            module: t("module", &object, BaseKind::Object, true),
            frame: t("frame", &object, na, false),
            traceback: t("traceback", &object, na, false),
            range: t("range", &object, na, false),
            slice: t("slice", &object, na, false),
            list_iterator: t("list_iterator", &object, na, false),
            tuple_iterator: t("tuple_iterator", &object, na, false),
            str_iterator: t("str_ascii_iterator", &object, na, false),
            range_iterator: t("range_iterator", &object, na, false),
            longrange_iterator: t("longrange_iterator", &object, na, false),
            dict_keyiterator: t("dict_keyiterator", &object, na, false),
            dict_valueiterator: t("dict_valueiterator", &object, na, false),
            dict_itemiterator: t("dict_itemiterator", &object, na, false),
            generator: t("generator", &object, na, false),
            simple_namespace: t("SimpleNamespace", &object, BaseKind::Object, true),
            weakref: t("ReferenceType", &object, BaseKind::NotInstantiable, true),
            weakproxy: t("ProxyType", &object, na, false),
            weakcallableproxy: t("CallableProxyType", &object, na, false),
            coroutine: t("coroutine", &object, na, false),
            async_generator: t("async_generator", &object, na, false),
            async_generator_asend: t("async_generator_asend", &object, na, false),
            async_generator_athrow: t("async_generator_athrow", &object, na, false),
            async_generator_wrapped_value: t("async_generator_wrapped_value", &object, na, false),
            anext_awaitable: t("anext_awaitable", &object, na, false),
            mappingproxy: t("mappingproxy", &object, BaseKind::NotInstantiable, false),
            set: t("set", &object, BaseKind::Set, true),
            frozenset: t("frozenset", &object, BaseKind::FrozenSet, true),
            bytearray: t("bytearray", &object, BaseKind::ByteArray, true),
            complex: t("complex", &object, BaseKind::Complex, true),
            dict_keys: t("dict_keys", &object, na, false),
            dict_values: t("dict_values", &object, na, false),
            dict_items: t("dict_items", &object, na, false),
            set_iterator: t("set_iterator", &object, na, false),
            enumerate: t("enumerate", &object, BaseKind::Object, true),
            zip: t("zip", &object, BaseKind::Object, true),
            map: t("map", &object, BaseKind::Object, true),
            filter: t("filter", &object, BaseKind::Object, true),
            reversed: t("reversed", &object, BaseKind::Object, true),
            callable_iterator: t("callable_iterator", &object, na, false),
            seq_iterator: t("iterator", &object, na, false),
            list_reverseiterator: t("list_reverseiterator", &object, na, false),
            bytes_iterator: t("bytes_iterator", &object, na, false),
            bytearray_iterator: t("bytearray_iterator", &object, na, false),
            text_io_wrapper: t("TextIOWrapper", &object, na, false),
            memoryview: t("memoryview", &object, na, false),
            generic_alias: t("GenericAlias", &object, na, true),
            union_type: t("UnionType", &object, na, false),
            str_unicode_iterator: t("str_iterator", &object, na, false),
            buffered_reader: t("BufferedReader", &object, na, false),
            buffered_writer: t("BufferedWriter", &object, na, false),
            exc: ExcTypes::new(&type_, &dict, &object),
            class: crate::objects::descriptor::ClassTypes::new(&type_, &dict, &object),
            not_implemented_value: ObjRef::new(&object, Payload::Singleton("NotImplemented")),
            ellipsis_value: ObjRef::new(&object, Payload::Singleton("Ellipsis")),
            int,
            bool_,
            dict,
            object,
            type_,
        };
        types
            .not_implemented_value
            .set_class(&types.not_implemented);
        types.ellipsis_value.set_class(&types.ellipsis);
        // The class machinery's generic dunders first, so that the builtin
        // types' own (types/dunders.rs) take precedence where both exist.
        crate::objects::class::install(&types);
        crate::types::install_methods(&types);
        // ExceptionGroup(BaseExceptionGroup, Exception): the one builtin class
        // with two bases; its MRO is the C3 merge of theirs.
        let eg = types.exc.exception_group.payload_type();
        *eg.bases.get_mut() = vec![
            types.exc.base_exception_group.clone(),
            types.exc.exception.clone(),
        ];
        *eg.mro.get_mut() = vec![
            types.exc.exception_group.clone(),
            types.exc.base_exception_group.clone(),
            types.exc.exception.clone(),
            types.exc.base_exception.clone(),
            types.object.clone(),
        ];
        crate::objects::generator::install(&types);
        crate::objects::async_gen::install(&types);
        crate::objects::frame::install(&types);
        crate::objects::exception::install(&types);
        crate::objects::exception_group::install(&types);
        // The unhashable builtins say so in their dicts, where
        // collections.abc.Hashable's check looks.
        for t in [&types.list, &types.dict, &types.set, &types.bytearray] {
            crate::protocol::dict_set_str_raw(
                &types,
                &t.payload_type().dict,
                "__hash__",
                Value::None,
            );
        }
        // Every type answers `__doc__` (None: pyrs keeps no docstrings for
        // builtins), so `obj.__doc__` works on any object.
        for o in crate::runtime::gc::objects() {
            if let Payload::Type(t) = &o.payload {
                set_doc_default(&types, &t.dict);
            }
        }
        types
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

impl ObjRef {
    /// The type data of a type object. Only for objects known to be types.
    pub fn payload_type(&self) -> &TypeData {
        match &self.payload {
            Payload::Type(t) => t,
            _ => unreachable!("payload_type on a non-type object"),
        }
    }
}

/// CPython's `tp_name`: a heap type's or builtin's plain name, but
/// `module.Name` for a native type that a module declares (its dict's
/// `__module__`), as in "descriptor 'random' for '_random.Random' objects".
pub fn tp_name(ty: &ObjRef) -> String {
    let t = ty.payload_type();
    let name = t.name.get().clone();
    if t.heap_type && !t.native_module {
        return name;
    }
    match declared_module(ty) {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

/// The `__module__` a type's own dict declares, if it is a str.
pub fn declared_module(ty: &ObjRef) -> Option<String> {
    crate::protocol::dict::dict_get_str(&ty.payload_type().dict, "__module__")
        .and_then(|m| m.as_str().map(str::to_string))
}
