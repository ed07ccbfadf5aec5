// A user's snapshot test, in a project that knows CbGen only through the packages: written to a temporary folder by
// SnapshotWorkflowConsumerTests, which runs `dotnet test` on it through the README's snapshot workflow.
using CbGen.Testing;
using Xunit;

namespace SnapshotConsumer;

public sealed class LabelSnapshotTests
{
    [Fact]
    public void Label_weights_are_reviewed()
    {
        CbGenRunResult run = CbGenRunner.Run("""
            using CbGen;
            namespace Shop
            {
                [ClassBalanced(Beta = 0.999, Loss = CbLoss.Focal, Gamma = 1.0)]
                public enum Fruit { [Samples(900)] Apple, [Samples(90)] Banana, [Samples(10)] Cherry }
            }
            """);
        run.AssertCompilesCleanly();
        Snapshot.VerifyGenerated(run, nameof(Label_weights_are_reviewed));
    }
}
