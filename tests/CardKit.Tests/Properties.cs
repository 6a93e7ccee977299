using FsCheck;
using FsCheck.Fluent;

namespace CardKit.Tests;

/// <summary>FsCheck 3 generators and a runner for the property tests (a failure shrinks to a small counterexample).</summary>
internal static class Properties
{
    /// <summary>Byte strings of <paramref name="minLength"/> to <paramref name="maxLength"/> bytes.</summary>
    public static Arbitrary<byte[]> Bytes(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n)).ToArbitrary();

    /// <summary>Checks <paramref name="property"/> on <paramref name="runs"/> generated values; throws with the shrunk counterexample.</summary>
    public static void Check<T>(Arbitrary<T> values, Func<T, bool> property, int runs = 10_000) =>
        Prop.ForAll(values, property).Check(Config.QuickThrowOnFailure.WithMaxTest(runs));
}
