Console.WriteLine("Microstructure performance harness: not yet wired (foundation issue in progress).");
