using Microstructure.PerfTests;

return Harness.Run(args);
