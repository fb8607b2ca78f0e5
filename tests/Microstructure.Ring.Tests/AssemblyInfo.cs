// Concurrency tests spin threads on a 2-core machine; running classes in parallel would make
// their timing (and the bounded waits) meaningless.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
