namespace CardKit.Atr;

/// <summary>TAi, TBi, TCi or TDi: its letter, index i, value, offset in the ATR and the protocol T it belongs to.</summary>
public readonly record struct InterfaceByte(char Letter, int Index, byte Value, int Offset, int Protocol)
{
    /// <summary>"TA1", "TD2", ...</summary>
    public string Name => $"T{Letter}{Index}";
}
