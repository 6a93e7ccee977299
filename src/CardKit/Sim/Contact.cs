namespace CardKit.Sim;

/// <summary>A contact to write: name, number, optionally the record number it must go to, an e-mail address and an additional number.</summary>
public sealed record Contact(string Name, string Number, int? RecordNumber = null, string? Email = null, string? AdditionalNumber = null);
