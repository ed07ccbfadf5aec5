extern alias gen;

using System.Linq;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests
{
    /// <summary>The diagnostics of the logit-adjusted and LDAM configs (CB027–CB031), and CB005 for γ on them.</summary>
    public sealed partial class DiagnosticTests
    {
        private const string Members = "public enum Label { [Samples(100)] A, [Samples(3)] B }\n";

        [Theory]
        [InlineData("-0.5")]
        [InlineData("double.NaN")]
        [InlineData("double.PositiveInfinity")]
        public void CB027_tau_negative_or_not_finite(string tau)
        {
            Check(DiagnosticDescriptors.TauOutOfRange,
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Tau = " + tau + "|])]\n" + Members,
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted, Tau = 0.0)]\n" + Members);
        }

        [Theory]
        [InlineData("0.0")]
        [InlineData("-0.5")]
        [InlineData("double.NaN")]
        public void CB028_max_margin_not_positive(string margin)
        {
            Check(DiagnosticDescriptors.MaxMarginOutOfRange,
                "[ClassBalanced(Loss = CbLoss.Ldam, [|MaxMargin = " + margin + "|])]\n" + Members,
                "[ClassBalanced(Loss = CbLoss.Ldam, MaxMargin = 0.3)]\n" + Members);
        }

        [Theory]
        [InlineData("0.0")]
        [InlineData("-30.0")]
        [InlineData("double.NegativeInfinity")]
        public void CB029_scale_not_positive(string scale)
        {
            Check(DiagnosticDescriptors.ScaleOutOfRange,
                "[ClassBalanced(Loss = CbLoss.Ldam, [|Scale = " + scale + "|])]\n" + Members,
                "[ClassBalanced(Loss = CbLoss.Ldam, Scale = 16.0)]\n" + Members);
        }

        [Fact]
        public void CB030_option_set_on_a_loss_it_does_not_apply_to()
        {
            // A warning: the config still generates, with the option ignored.
            CbGenRunResult run = Check(DiagnosticDescriptors.OptionNotApplicable,
                "[ClassBalanced(Loss = CbLoss.Focal, [|Tau = 2.0|], [|MaxMargin = 0.4|], [|Scale = 10.0|])]\n"
                + "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Beta = 0.99|], [|DeferUntilEpoch = 5|], Name = \"La\")]\n"
                + "[ClassBalanced(Loss = CbLoss.Ldam, [|Beta = 0.99|], [|Tau = 0.5|], Name = \"Plain\")]\n"
                + Members,
                "[ClassBalanced(Loss = CbLoss.Focal)]\n"
                + "[ClassBalanced(Loss = CbLoss.LogitAdjusted, Name = \"La\")]\n"
                + "[ClassBalanced(Loss = CbLoss.Ldam, Beta = 0.99, DeferUntilEpoch = 5, Name = \"Drw\")]\n"
                + Members,
                badGenerates: true);
            string beta = run.AnalyzerDiagnostics.First(d => d.Id == "CB030" && d.GetMessage().StartsWith("Beta", System.StringComparison.Ordinal)).GetMessage();
            Assert.Contains("LDAM-DRW", beta);
            Assert.DoesNotContain("DeferUntilEpoch", run.File("LaWeights.g.cs").Text);
        }

        [Fact]
        public void CB005_gamma_on_a_long_tail_loss()
        {
            Check(DiagnosticDescriptors.GammaIgnored,
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|Gamma = 1.0|])]\n[ClassBalanced(Loss = CbLoss.Ldam, [|Gamma = 1.0|])]\n" + Members,
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n[ClassBalanced(Loss = CbLoss.Ldam)]\n" + Members,
                badGenerates: true);
        }

        [Fact]
        public void CB031_zero_count_with_a_long_tail_loss()
        {
            Check(DiagnosticDescriptors.ZeroCountLongTail,
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
                + "[ClassBalanced(Loss = CbLoss.Ldam, [|ZeroCounts = ZeroCountPolicy.ZeroWeight|])]\n"
                + "public enum Label { [Samples(100)] A, [Samples(0)] B, [Samples(3)] C }\n",
                "[ClassBalanced(Loss = CbLoss.LogitAdjusted)]\n[ClassBalanced(Loss = CbLoss.Ldam)]\n"
                + "public enum Label { [Samples(100)] A, [Samples(1)] B, [Samples(3)] C }\n");

            // A counts file: reported on the row, by the generator.
            TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.ZeroCountLongTail,
                "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.Ldam, ZeroCounts = ZeroCountPolicy.ZeroWeight)]\npublic static partial class Labels;\n",
                ("labels.csv", "cat,900\ndog,[|0|]\n"),
                "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.Ldam)]\npublic static partial class Labels;\n",
                ("labels.csv", "cat,900\ndog,1\n"));
        }

        [Fact]
        public void Dataset_configs_get_the_long_tail_rules()
        {
            TrainingSetupDiagnosticTests.Check(DiagnosticDescriptors.TauOutOfRange,
                "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.LogitAdjusted, [|Tau = -1.0|])]\npublic static partial class Labels;\n",
                ("labels.csv", "cat,900\ndog,90\n"),
                "[ClassBalancedDataset(\"labels.csv\", Loss = CbLoss.LogitAdjusted, Tau = 1.0)]\npublic static partial class Labels;\n",
                ("labels.csv", "cat,900\ndog,90\n"));
        }
    }
}
