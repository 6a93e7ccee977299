namespace CardKit.Pcsc;

/// <summary>What SCardStatus reports.</summary>
public sealed record CardStatus(string ReaderName, CardStates State, PcscProtocols Protocol, byte[] Atr);
