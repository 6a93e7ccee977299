using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Tests;

/// <summary>FsCheck 3 generators and a runner for the property tests (a failure shrinks to a small counterexample).</summary>
internal static class Properties
{
    /// <summary>Byte strings of <paramref name="minLength"/> to <paramref name="maxLength"/> bytes.</summary>
    public static Arbitrary<byte[]> Bytes(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n)).ToArbitrary();

    /// <summary>
    /// ATRs to decode: random byte strings, and a real UICC ATR with one byte changed and cut short
    /// (most random strings fail early; these reach the interface and historical bytes).
    /// </summary>
    public static Arbitrary<byte[]> Atrs()
    {
        var uicc = Hex.Parse("3B 9F 95 80 1F C3 80 31 E0 73 FE 21 13 63 55 40 18 83 07 90 00 C2");
        var mutated =
            from at in Gen.Choose(0, uicc.Length - 1)
            from value in Gen.Choose(0, 255)
            from length in Gen.Choose(1, uicc.Length)
            select Mutate(at, (byte)value, length);
        return Gen.OneOf(Bytes(1, 40).Generator, mutated).ToArbitrary();

        byte[] Mutate(int at, byte value, int length)
        {
            var bytes = (byte[])uicc.Clone();
            bytes[at] = value;
            return bytes[..length];
        }
    }

    /// <summary>Checks <paramref name="property"/> on <paramref name="runs"/> generated values; throws with the shrunk counterexample.</summary>
    public static void Check<T>(Arbitrary<T> values, Func<T, bool> property, int runs = 10_000) =>
        Prop.ForAll(values, property).Check(Config.QuickThrowOnFailure.WithMaxTest(runs));
}
