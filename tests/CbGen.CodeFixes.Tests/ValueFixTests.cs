using System.Threading.Tasks;

namespace CbGen.CodeFixes.Tests;

/// <summary>CB011 (raise β to (N-1)/N) and CB024 (remove a repeated sweep value).</summary>
public sealed class ValueFixTests
{
    [Fact]
    public Task CB011_replaces_Beta_with_N_minus_1_over_N_for_the_largest_count()
    {
        // Counts 5000 and 10: β = 0.5 makes both effective numbers ≈ 2 (uniform weights); N = 5000 gives
        // β = 4999/5000 = 0.9998.
        const string source = """
            using CbGen;

            [ClassBalanced({|CB011:Beta = 0.5|}, Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(5000)] Cat, [Samples(10)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(Beta = 0.9998, Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(5000)] Cat, [Samples(10)] Dog }
            """;
        return new CodeFixTest<SuggestedBetaCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB011_writes_the_round_trip_value_of_a_repeating_fraction()
    {
        // Counts 3 and 1 with β = 0.01: effective numbers 1.0101 and 1. N = 3 gives β = 2/3.
        const string source = """
            using CbGen;

            [ClassBalanced({|CB011:Beta = 0.01|})]
            public enum Label { [Samples(3)] Cat, [Samples(1)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(Beta = 0.6666666666666666)]
            public enum Label { [Samples(3)] Cat, [Samples(1)] Dog }
            """;
        return new CodeFixTest<SuggestedBetaCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB011_Fix_All_adds_Beta_to_configs_that_use_the_default()
    {
        // Counts 1,000,000 and 10,000: the default β = 0.999 caps both effective numbers near 1000. N = 10^6
        // gives β = 0.999999.
        const string source = """
            using CbGen;

            [{|CB011:ClassBalanced|}]
            [{|CB011:ClassBalanced(Loss = CbLoss.Sigmoid)|}]
            public enum Label { [Samples(1_000_000)] Cat, [Samples(10_000)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(Beta = 0.999999)]
            [ClassBalanced(Loss = CbLoss.Sigmoid, Beta = 0.999999)]
            public enum Label { [Samples(1_000_000)] Cat, [Samples(10_000)] Dog }
            """;
        return new CodeFixTest<SuggestedBetaCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB011_rewrites_the_repeat_of_a_Beta_written_twice()
    {
        // The repeat is the compiler's CS0643 and the value the generator reads: CB011 names it and the fix rewrites it
        // (rewriting the first would leave the collapsing β in effect).
        const string source = """
            using CbGen;

            [ClassBalanced(Beta = 0.5, {|CS0643:{|CB011:Beta = 0.01|}|}, Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(5000)] Cat, [Samples(10)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(Beta = 0.5, {|CS0643:Beta = 0.9998|}, Loss = CbLoss.Sigmoid)]
            public enum Label { [Samples(5000)] Cat, [Samples(10)] Dog }
            """;
        return new CodeFixTest<SuggestedBetaCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB024_removes_the_later_copies_from_arrays()
    {
        const string source = """
            using CbGen;

            [ClassBalancedSweep(
                Betas = new[] { 0.9, 0.99, {|CB024:0.9|}, {|CB024:0.99|} },
                Losses = new CbLoss[] { CbLoss.Focal, {|CB024:CbLoss.Focal|} })]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalancedSweep(
                Betas = new[] { 0.9, 0.99 },
                Losses = new CbLoss[] { CbLoss.Focal })]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        return new CodeFixTest<RemoveDuplicateSweepValueCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB024_removes_a_copy_from_a_collection_expression()
    {
        const string source = """
            using CbGen;

            [ClassBalancedSweep(Losses = [CbLoss.Focal], Gammas = [1.0, {|CB024:1.0|}, 2.0])]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalancedSweep(Losses = [CbLoss.Focal], Gammas = [1.0, 2.0])]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        return new CodeFixTest<RemoveDuplicateSweepValueCodeFix>(source, fixedSource).RunAsync();
    }
}
