namespace CardKit.Ccid;

/// <summary>The three T=1 block kinds (ISO/IEC 7816-3:2006 §11.3.2.2).</summary>
public enum T1BlockKind
{
    /// <summary>I-block: carries application data (PCB b8 = 0).</summary>
    Information,
    /// <summary>R-block: acknowledges (PCB b8-b7 = 10).</summary>
    Receive,
    /// <summary>S-block: supervisory (PCB b8-b7 = 11).</summary>
    Supervisory,
}
