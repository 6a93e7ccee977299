namespace CardKit.Pkcs11;

/// <summary>
/// CK_RV, what a PKCS#11 function returns (2.40 base specification §3.6 and §5.1; 3.0 adds
/// CKR_FUNCTION_REJECTED and others). Member names spell the C names in Pascal case, so
/// <see cref="Pkcs11Names.Of(Pkcs11.ReturnValue)"/> gives back CKR_*; a vendor's code is kept as a number.
/// </summary>
public enum ReturnValue : ulong
{
    /// <summary>CKR_OK.</summary>
    Ok = 0x0,

    /// <summary>CKR_CANCEL.</summary>
    Cancel = 0x1,

    /// <summary>CKR_HOST_MEMORY.</summary>
    HostMemory = 0x2,

    /// <summary>CKR_SLOT_ID_INVALID.</summary>
    SlotIdInvalid = 0x3,

    /// <summary>CKR_GENERAL_ERROR.</summary>
    GeneralError = 0x5,

    /// <summary>CKR_FUNCTION_FAILED.</summary>
    FunctionFailed = 0x6,

    /// <summary>CKR_ARGUMENTS_BAD.</summary>
    ArgumentsBad = 0x7,

    /// <summary>CKR_NO_EVENT.</summary>
    NoEvent = 0x8,

    /// <summary>CKR_NEED_TO_CREATE_THREADS.</summary>
    NeedToCreateThreads = 0x9,

    /// <summary>CKR_CANT_LOCK.</summary>
    CantLock = 0xA,

    /// <summary>CKR_ATTRIBUTE_READ_ONLY.</summary>
    AttributeReadOnly = 0x10,

    /// <summary>CKR_ATTRIBUTE_SENSITIVE.</summary>
    AttributeSensitive = 0x11,

    /// <summary>CKR_ATTRIBUTE_TYPE_INVALID.</summary>
    AttributeTypeInvalid = 0x12,

    /// <summary>CKR_ATTRIBUTE_VALUE_INVALID.</summary>
    AttributeValueInvalid = 0x13,

    /// <summary>CKR_ACTION_PROHIBITED.</summary>
    ActionProhibited = 0x1B,

    /// <summary>CKR_DATA_INVALID.</summary>
    DataInvalid = 0x20,

    /// <summary>CKR_DATA_LEN_RANGE.</summary>
    DataLenRange = 0x21,

    /// <summary>CKR_DEVICE_ERROR.</summary>
    DeviceError = 0x30,

    /// <summary>CKR_DEVICE_MEMORY.</summary>
    DeviceMemory = 0x31,

    /// <summary>CKR_DEVICE_REMOVED.</summary>
    DeviceRemoved = 0x32,

    /// <summary>CKR_ENCRYPTED_DATA_INVALID.</summary>
    EncryptedDataInvalid = 0x40,

    /// <summary>CKR_ENCRYPTED_DATA_LEN_RANGE.</summary>
    EncryptedDataLenRange = 0x41,

    /// <summary>CKR_FUNCTION_CANCELED.</summary>
    FunctionCanceled = 0x50,

    /// <summary>CKR_FUNCTION_NOT_PARALLEL.</summary>
    FunctionNotParallel = 0x51,

    /// <summary>CKR_FUNCTION_NOT_SUPPORTED.</summary>
    FunctionNotSupported = 0x54,

    /// <summary>CKR_KEY_HANDLE_INVALID.</summary>
    KeyHandleInvalid = 0x60,

    /// <summary>CKR_KEY_SIZE_RANGE.</summary>
    KeySizeRange = 0x62,

    /// <summary>CKR_KEY_TYPE_INCONSISTENT.</summary>
    KeyTypeInconsistent = 0x63,

    /// <summary>CKR_KEY_NOT_NEEDED.</summary>
    KeyNotNeeded = 0x64,

    /// <summary>CKR_KEY_CHANGED.</summary>
    KeyChanged = 0x65,

    /// <summary>CKR_KEY_NEEDED.</summary>
    KeyNeeded = 0x66,

    /// <summary>CKR_KEY_INDIGESTIBLE.</summary>
    KeyIndigestible = 0x67,

    /// <summary>CKR_KEY_FUNCTION_NOT_PERMITTED.</summary>
    KeyFunctionNotPermitted = 0x68,

    /// <summary>CKR_KEY_NOT_WRAPPABLE.</summary>
    KeyNotWrappable = 0x69,

    /// <summary>CKR_KEY_UNEXTRACTABLE.</summary>
    KeyUnextractable = 0x6A,

    /// <summary>CKR_MECHANISM_INVALID.</summary>
    MechanismInvalid = 0x70,

    /// <summary>CKR_MECHANISM_PARAM_INVALID.</summary>
    MechanismParamInvalid = 0x71,

    /// <summary>CKR_OBJECT_HANDLE_INVALID.</summary>
    ObjectHandleInvalid = 0x82,

    /// <summary>CKR_OPERATION_ACTIVE.</summary>
    OperationActive = 0x90,

    /// <summary>CKR_OPERATION_NOT_INITIALIZED.</summary>
    OperationNotInitialized = 0x91,

    /// <summary>CKR_PIN_INCORRECT.</summary>
    PinIncorrect = 0xA0,

    /// <summary>CKR_PIN_INVALID.</summary>
    PinInvalid = 0xA1,

    /// <summary>CKR_PIN_LEN_RANGE.</summary>
    PinLenRange = 0xA2,

    /// <summary>CKR_PIN_EXPIRED.</summary>
    PinExpired = 0xA3,

    /// <summary>CKR_PIN_LOCKED.</summary>
    PinLocked = 0xA4,

    /// <summary>CKR_SESSION_CLOSED.</summary>
    SessionClosed = 0xB0,

    /// <summary>CKR_SESSION_COUNT.</summary>
    SessionCount = 0xB1,

    /// <summary>CKR_SESSION_HANDLE_INVALID.</summary>
    SessionHandleInvalid = 0xB3,

    /// <summary>CKR_SESSION_PARALLEL_NOT_SUPPORTED.</summary>
    SessionParallelNotSupported = 0xB4,

    /// <summary>CKR_SESSION_READ_ONLY.</summary>
    SessionReadOnly = 0xB5,

    /// <summary>CKR_SESSION_EXISTS.</summary>
    SessionExists = 0xB6,

    /// <summary>CKR_SESSION_READ_ONLY_EXISTS.</summary>
    SessionReadOnlyExists = 0xB7,

    /// <summary>CKR_SESSION_READ_WRITE_SO_EXISTS.</summary>
    SessionReadWriteSoExists = 0xB8,

    /// <summary>CKR_SIGNATURE_INVALID.</summary>
    SignatureInvalid = 0xC0,

    /// <summary>CKR_SIGNATURE_LEN_RANGE.</summary>
    SignatureLenRange = 0xC1,

    /// <summary>CKR_TEMPLATE_INCOMPLETE.</summary>
    TemplateIncomplete = 0xD0,

    /// <summary>CKR_TEMPLATE_INCONSISTENT.</summary>
    TemplateInconsistent = 0xD1,

    /// <summary>CKR_TOKEN_NOT_PRESENT.</summary>
    TokenNotPresent = 0xE0,

    /// <summary>CKR_TOKEN_NOT_RECOGNIZED.</summary>
    TokenNotRecognized = 0xE1,

    /// <summary>CKR_TOKEN_WRITE_PROTECTED.</summary>
    TokenWriteProtected = 0xE2,

    /// <summary>CKR_UNWRAPPING_KEY_HANDLE_INVALID.</summary>
    UnwrappingKeyHandleInvalid = 0xF0,

    /// <summary>CKR_UNWRAPPING_KEY_SIZE_RANGE.</summary>
    UnwrappingKeySizeRange = 0xF1,

    /// <summary>CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT.</summary>
    UnwrappingKeyTypeInconsistent = 0xF2,

    /// <summary>CKR_USER_ALREADY_LOGGED_IN.</summary>
    UserAlreadyLoggedIn = 0x100,

    /// <summary>CKR_USER_NOT_LOGGED_IN.</summary>
    UserNotLoggedIn = 0x101,

    /// <summary>CKR_USER_PIN_NOT_INITIALIZED.</summary>
    UserPinNotInitialized = 0x102,

    /// <summary>CKR_USER_TYPE_INVALID.</summary>
    UserTypeInvalid = 0x103,

    /// <summary>CKR_USER_ANOTHER_ALREADY_LOGGED_IN.</summary>
    UserAnotherAlreadyLoggedIn = 0x104,

    /// <summary>CKR_USER_TOO_MANY_TYPES.</summary>
    UserTooManyTypes = 0x105,

    /// <summary>CKR_WRAPPED_KEY_INVALID.</summary>
    WrappedKeyInvalid = 0x110,

    /// <summary>CKR_WRAPPED_KEY_LEN_RANGE.</summary>
    WrappedKeyLenRange = 0x112,

    /// <summary>CKR_WRAPPING_KEY_HANDLE_INVALID.</summary>
    WrappingKeyHandleInvalid = 0x113,

    /// <summary>CKR_WRAPPING_KEY_SIZE_RANGE.</summary>
    WrappingKeySizeRange = 0x114,

    /// <summary>CKR_WRAPPING_KEY_TYPE_INCONSISTENT.</summary>
    WrappingKeyTypeInconsistent = 0x115,

    /// <summary>CKR_RANDOM_SEED_NOT_SUPPORTED.</summary>
    RandomSeedNotSupported = 0x120,

    /// <summary>CKR_RANDOM_NO_RNG.</summary>
    RandomNoRng = 0x121,

    /// <summary>CKR_DOMAIN_PARAMS_INVALID.</summary>
    DomainParamsInvalid = 0x130,

    /// <summary>CKR_CURVE_NOT_SUPPORTED.</summary>
    CurveNotSupported = 0x140,

    /// <summary>CKR_BUFFER_TOO_SMALL.</summary>
    BufferTooSmall = 0x150,

    /// <summary>CKR_SAVED_STATE_INVALID.</summary>
    SavedStateInvalid = 0x160,

    /// <summary>CKR_INFORMATION_SENSITIVE.</summary>
    InformationSensitive = 0x170,

    /// <summary>CKR_STATE_UNSAVEABLE.</summary>
    StateUnsaveable = 0x180,

    /// <summary>CKR_CRYPTOKI_NOT_INITIALIZED.</summary>
    CryptokiNotInitialized = 0x190,

    /// <summary>CKR_CRYPTOKI_ALREADY_INITIALIZED.</summary>
    CryptokiAlreadyInitialized = 0x191,

    /// <summary>CKR_MUTEX_BAD.</summary>
    MutexBad = 0x1A0,

    /// <summary>CKR_MUTEX_NOT_LOCKED.</summary>
    MutexNotLocked = 0x1A1,

    /// <summary>CKR_NEW_PIN_MODE.</summary>
    NewPinMode = 0x1B0,

    /// <summary>CKR_NEXT_OTP.</summary>
    NextOtp = 0x1B1,

    /// <summary>CKR_EXCEEDED_MAX_ITERATIONS.</summary>
    ExceededMaxIterations = 0x1B5,

    /// <summary>CKR_FIPS_SELF_TEST_FAILED.</summary>
    FipsSelfTestFailed = 0x1B6,

    /// <summary>CKR_LIBRARY_LOAD_FAILED.</summary>
    LibraryLoadFailed = 0x1B7,

    /// <summary>CKR_PIN_TOO_WEAK.</summary>
    PinTooWeak = 0x1B8,

    /// <summary>CKR_PUBLIC_KEY_INVALID.</summary>
    PublicKeyInvalid = 0x1B9,

    /// <summary>CKR_FUNCTION_REJECTED.</summary>
    FunctionRejected = 0x200,

    /// <summary>CKR_VENDOR_DEFINED.</summary>
    VendorDefined = 0x80000000,
}
