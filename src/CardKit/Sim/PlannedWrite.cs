namespace CardKit.Sim;

/// <summary>One record a plan writes: which, what, why, and the UPDATE RECORD APDU that does it.</summary>
/// <param name="File">The file.</param>
/// <param name="Record">The record number (absolute).</param>
/// <param name="Bytes">The whole record.</param>
/// <param name="Description">For people: "\"Zoe\" +4930999 (Gsm7)", "e-mail zoe@example.org of \"Zoe\" +4930999".</param>
/// <param name="Apdu">The UPDATE RECORD command APDU (after the SELECTs of the file), as a dry run shows it.</param>
public sealed record PlannedWrite(RecordFileInfo File, int Record, ReadOnlyMemory<byte> Bytes, string Description, ReadOnlyMemory<byte> Apdu);
