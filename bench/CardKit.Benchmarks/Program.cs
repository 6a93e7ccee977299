using BenchmarkDotNet.Running;
using CardKit.Benchmarks;

// `fuzz [COUNT] [SEED]` runs the long fuzz target; anything else goes to BenchmarkDotNet,
// e.g. --filter '*InProcess*'. `capture standard|large FILE [BYTES]` writes a test capture (bench/spy).
if (args.Length > 0 && args[0] == "fuzz")
    return Fuzz.Run(args);
if (args.Length > 0 && args[0] == "spy-latency")
    return SpyLatency.Run(args);
if (args.Length > 0 && args[0] == "capture")
    return CaptureGenerator.Run(args);
if (args.Length > 0 && args[0] is "p11-sign" or "p11-find")
    return Pkcs11Loop.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
