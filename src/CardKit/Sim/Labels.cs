namespace CardKit.Sim;

/// <summary>How plans and problems name a contact.</summary>
internal static class Labels
{
    public static string Of(Contact contact) => $"\"{contact.Name}\" {contact.Number}";
}
