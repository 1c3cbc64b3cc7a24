global using System.Text.Json.Nodes;

// The tests start real kit processes; one at a time keeps them within a 2-core machine's reach.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
