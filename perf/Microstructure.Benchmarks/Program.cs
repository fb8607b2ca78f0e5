using BenchmarkDotNet.Running;
using Microstructure.Benchmarks;

// dotnet run -c Release --project perf/Microstructure.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EngineMixBenchmark).Assembly).Run(args);
