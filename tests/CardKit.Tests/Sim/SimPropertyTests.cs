using CardKit.Sim;
using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Tests.Sim;

/// <summary>Round trips of the SIM codecs over generated inputs (FsCheck): what is encoded decodes back, and decoding is stable.</summary>
public class SimPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    // Every character of the GSM default alphabet and its extension table (TS 23.038 §6.2.1, §6.2.1.1), escape excluded.
    private static readonly char[] GsmCharacters = Enumerable.Range(0, 0x10000).Select(c => (char)c)
        .Where(c => !char.IsSurrogate(c) && Gsm7.EncodedLength(c.ToString()) > 0).ToArray();

    private static readonly Gen<string> GsmText = Gen.Elements(GsmCharacters).ArrayOf().Select(chars => new string(chars));

    // Any UCS2 text: Basic Multilingual Plane characters, no surrogates; U+FFFF is the 0x80 scheme's filler.
    private static readonly Gen<string> Ucs2Text = Gen.Choose(0x20, 0xFFFE).Where(c => !char.IsSurrogate((char)c)).Select(c => (char)c)
        .ArrayOf().Select(chars => new string(chars));

    // Characters of one script plus some GSM ones: what the 0x81 and 0x82 schemes are for.
    private static readonly Gen<string> ScriptText = Gen.Choose(0x0370, 0x0700).SelectMany(start =>
        Gen.OneOf(Gen.Choose(start, start + 0x60).Select(c => (char)c), Gen.Elements(GsmCharacters)).ArrayOf().Select(chars => new string(chars)));

    private static readonly Gen<string> Digits = Gen.Elements("0123456789*#pwe".ToCharArray()).ArrayOf().Select(chars => new string(chars));

    [Fact]
    public void BCD_digits_decode_to_the_digits_that_were_encoded() =>
        Prop.ForAll(Digits.ToArbitrary(), digits => BcdNumber.Decode(BcdNumber.Encode(digits)) == digits).Check(Runs);

    [Fact]
    public void Alpha_identifiers_decode_to_the_text_that_was_encoded_in_every_scheme() =>
        Prop.ForAll(Gen.OneOf(GsmText, Ucs2Text, ScriptText).ToArbitrary(), text =>
        {
            if (!AlphaIdentifier.TryEncode(text, 32, out var field, out _))
                return true; // does not fit: refused, with the reason (tested elsewhere)
            var decoded = AlphaIdentifier.Decode(field);
            return decoded.Text == text && !decoded.NonConforming;
        }).Check(Runs);

    [Fact]
    public void GSM_text_that_fits_is_always_coded_in_the_GSM_alphabet() =>
        Prop.ForAll(GsmText.ToArbitrary(), text =>
            Gsm7.EncodedLength(text) > 16 || AlphaIdentifier.Decode(AlphaIdentifier.Encode(text, 16)).Coding == AlphaCoding.Gsm7).Check(Runs);

    [Fact]
    public void An_encoded_ADN_record_decodes_and_re_encodes_to_the_same_bytes()
    {
        var numbers = Gen.Elements("", "+").SelectMany(plus => Digits.Where(d => d.Length <= AdnRecord.MaxDigits && (plus.Length == 0 || d.Length > 0)), (plus, d) => plus + d);
        var names = Gen.OneOf(GsmText, ScriptText, Ucs2Text);
        Prop.ForAll(names.ToArbitrary(), numbers.ToArbitrary(), (name, number) =>
        {
            if (!AlphaIdentifier.TryEncode(name, 16, out _, out _))
                return true;
            var record = AdnRecord.Encode(name, number, 30);
            var decoded = AdnRecord.Decode(1, record);
            return decoded.Name == name && decoded.DisplayNumber == number
                && AdnRecord.Encode(decoded.Name, decoded.DisplayNumber, 30).AsSpan().SequenceEqual(record);
        }).Check(Runs);
    }

    [Fact]
    public void Any_record_decodes_without_throwing_and_what_it_decodes_to_is_stable()
    {
        // Random bytes: damaged records are flagged, never thrown; a name that can be written again
        // reads back as itself, and so does the number when the record is well formed.
        var records = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(30);
        Prop.ForAll(records.ToArbitrary(), record =>
        {
            var decoded = AdnRecord.Decode(1, record, _ => null);
            if (!AlphaIdentifier.TryEncode(decoded.Name, 16, out _, out _) || decoded.Error is not null || decoded.ExtensionRecord != 0xFF)
                return true;
            var again = AdnRecord.Decode(1, AdnRecord.Encode(decoded.Name, decoded.DisplayNumber, 30));
            return again.Name == decoded.Name && again.DisplayNumber == decoded.DisplayNumber;
        }).Check(Runs);
    }
}
