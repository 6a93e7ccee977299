namespace CardKit.Sim;

/// <summary>
/// What <c>cardkit sim info</c> shows. JSON (<see cref="CardKitJsonContext"/>): <c>kind</c>
/// ("gsm"/"usim"), <c>atr</c>, <c>iccid</c>, <c>imsi</c> (null until CHV1 is verified),
/// <c>chv1</c> {enabled, remainingAttempts}, <c>phonebook</c> {location, one object per file}.
/// </summary>
/// <param name="Kind">GSM SIM or UICC with a USIM.</param>
/// <param name="Atr">The ATR as hex, bytes separated by spaces.</param>
/// <param name="Iccid">The ICCID digits.</param>
/// <param name="Imsi">The IMSI digits, or null when CHV1 has not been verified.</param>
/// <param name="Chv1">The PIN state.</param>
/// <param name="Phonebook">Where the phone book is and its files.</param>
public sealed record SimInfo(SimKind Kind, string Atr, string Iccid, string? Imsi, ChvStatus Chv1, SimPhonebookInfo Phonebook);
