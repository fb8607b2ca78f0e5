// Each test starts its own three-silo cluster and runs simulations on it: one at a time, so that two clusters do not
// compete for this machine's cores (and membership probes do not miss under that load).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
