namespace CardKit.Pkcs11;

/// <summary>A PKCS#11 function returned a CKR_* code; the message names the code and says what it means.</summary>
public class Pkcs11Exception : CardKitException
{
    /// <summary><paramref name="function"/> returned <paramref name="code"/>; <paramref name="detail"/> replaces the stock explanation.</summary>
    public Pkcs11Exception(ulong code, string function, string? detail = null)
        : base(ErrorCategory.CardOrData, $"{function} failed: {CkrName(code)}: {detail ?? Explain(code)}")
    {
        Code = code;
        Function = function;
    }

    /// <summary>A failure that is not one function's return code.</summary>
    public Pkcs11Exception(string message, Exception? inner = null)
        : this(ErrorCategory.CardOrData, message, inner)
    {
    }

    /// <summary>A failure of <paramref name="category"/> that is not one function's return code.</summary>
    protected Pkcs11Exception(ErrorCategory category, string message, Exception? inner)
        : base(category, message, inner)
    {
        Function = "";
    }

    public ulong Code { get; }

    public string Function { get; }

    public static string CkrName(ulong code) => code switch
    {
        0x000 => "CKR_OK",
        0x001 => "CKR_CANCEL",
        0x002 => "CKR_HOST_MEMORY",
        0x003 => "CKR_SLOT_ID_INVALID",
        0x005 => "CKR_GENERAL_ERROR",
        0x006 => "CKR_FUNCTION_FAILED",
        0x007 => "CKR_ARGUMENTS_BAD",
        0x011 => "CKR_ATTRIBUTE_SENSITIVE",
        0x012 => "CKR_ATTRIBUTE_TYPE_INVALID",
        0x013 => "CKR_ATTRIBUTE_VALUE_INVALID",
        0x020 => "CKR_DATA_INVALID",
        0x021 => "CKR_DATA_LEN_RANGE",
        0x030 => "CKR_DEVICE_ERROR",
        0x054 => "CKR_FUNCTION_NOT_SUPPORTED",
        0x060 => "CKR_KEY_HANDLE_INVALID",
        0x063 => "CKR_KEY_TYPE_INCONSISTENT",
        0x068 => "CKR_KEY_FUNCTION_NOT_PERMITTED",
        0x070 => "CKR_MECHANISM_INVALID",
        0x071 => "CKR_MECHANISM_PARAM_INVALID",
        0x082 => "CKR_OBJECT_HANDLE_INVALID",
        0x090 => "CKR_OPERATION_ACTIVE",
        0x091 => "CKR_OPERATION_NOT_INITIALIZED",
        0x0A0 => "CKR_PIN_INCORRECT",
        0x0A1 => "CKR_PIN_INVALID",
        0x0A2 => "CKR_PIN_LEN_RANGE",
        0x0A3 => "CKR_PIN_EXPIRED",
        0x0A4 => "CKR_PIN_LOCKED",
        0x0B0 => "CKR_SESSION_CLOSED",
        0x0B3 => "CKR_SESSION_HANDLE_INVALID",
        0x0B5 => "CKR_SESSION_READ_ONLY",
        0x0C0 => "CKR_SIGNATURE_INVALID",
        0x0C1 => "CKR_SIGNATURE_LEN_RANGE",
        0x0D0 => "CKR_TEMPLATE_INCOMPLETE",
        0x0D1 => "CKR_TEMPLATE_INCONSISTENT",
        0x0E0 => "CKR_TOKEN_NOT_PRESENT",
        0x0E1 => "CKR_TOKEN_NOT_RECOGNIZED",
        0x100 => "CKR_USER_ALREADY_LOGGED_IN",
        0x101 => "CKR_USER_NOT_LOGGED_IN",
        0x102 => "CKR_USER_PIN_NOT_INITIALIZED",
        0x103 => "CKR_USER_TYPE_INVALID",
        0x150 => "CKR_BUFFER_TOO_SMALL",
        0x190 => "CKR_CRYPTOKI_NOT_INITIALIZED",
        0x191 => "CKR_CRYPTOKI_ALREADY_INITIALIZED",
        _ => $"CKR 0x{code:X}",
    };

    private static string Explain(ulong code) => code switch
    {
        0x0A0 => "wrong PIN",
        0x0A4 => "the PIN is locked after too many wrong tries; the security officer can set a new one (C_InitPIN: cardkit p11 init-pin, pkcs11-tool --init-pin)",
        0x0A1 or 0x0A2 => "the PIN has characters or a length the token does not accept",
        0x101 => "log in first (give the PIN)",
        0x070 => "this token does not support the mechanism",
        0x0C0 => "the signature does not verify",
        0x0E0 => "no token in the slot",
        0x011 => "the attribute is sensitive and cannot be read",
        0x012 => "the object has no such attribute",
        0x0B5 => "the session is read-only",
        0x0D0 or 0x0D1 => "the object template is incomplete or inconsistent",
        _ => "see the PKCS#11 specification for this code",
    };
}

/// <summary>The module could not be loaded: missing file, not a shared library, not a PKCS#11 module.</summary>
public sealed class Pkcs11ModuleException(string message, Exception? inner = null) : Pkcs11Exception(ErrorCategory.Environment, message, inner);
