namespace CardKit.Atr;

/// <summary>A storage card announced in PC/SC part 3 historical bytes.</summary>
public sealed record PcscStorageCard(byte Standard, string StandardName, ushort CardName, string CardNameText);
