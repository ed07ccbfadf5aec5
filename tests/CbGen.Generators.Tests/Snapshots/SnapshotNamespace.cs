// The snapshot helper these tests use is CbGen.Testing's Snapshot (src/CbGen.Testing, shipped to users as the
// CbGen.Testing package), imported by a global using in the project file; this project keeps no copy of its own.
// This empty namespace only keeps the `using CbGen.Generators.Tests.Snapshots;` directive of SnapshotTests.cs
// valid: delete this file together with that line.
namespace CbGen.Generators.Tests.Snapshots
{
}
