using System.Threading.Tasks;

namespace CbGen.CodeFixes.Tests;

public sealed class RemoveArgumentTests
{
    [Fact]
    public Task CB005_removes_Gamma_after_other_arguments()
    {
        const string source = """
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced(Beta = 0.99, {|CB005:Gamma = 1.0|})]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        const string fixedSource = """
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced(Beta = 0.99)]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB030_removes_options_that_do_not_apply_to_the_loss()
    {
        const string source = """
            using CbGen;

            [ClassBalanced(Loss = CbLoss.LogitAdjusted, {|CB030:Beta = 0.99|}, {|CB030:MaxMargin = 0.3|})]
            [ClassBalanced(Loss = CbLoss.Focal, {|CB030:Tau = 2.0|}, Name = "F")]
            public enum Label { [Samples(100)] Cat, [Samples(9)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(Loss = CbLoss.LogitAdjusted)]
            [ClassBalanced(Loss = CbLoss.Focal, Name = "F")]
            public enum Label { [Samples(100)] Cat, [Samples(9)] Dog }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB005_removes_the_argument_list_with_its_only_argument()
    {
        const string source = """
            using CbGen;

            [ClassBalanced({|CB005:Gamma = 1.0|})]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB005_Fix_All_removes_Gamma_from_every_config_keeping_the_layout()
    {
        const string source = """
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced({|CB005:Gamma = 1.0|},
                    Loss = CbLoss.Sigmoid)]
                [ClassBalanced(Loss = CbLoss.Softmax, {|CB005:Gamma = 0.5|}, Name = "Soft")]
                [ClassBalanced(Loss = CbLoss.Focal, Gamma = 0.5, Name = "Focused")]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        const string fixedSource = """
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced(Loss = CbLoss.Sigmoid)]
                [ClassBalanced(Loss = CbLoss.Softmax, Name = "Soft")]
                [ClassBalanced(Loss = CbLoss.Focal, Gamma = 0.5, Name = "Focused")]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB005_removes_a_sweeps_Gammas_when_no_loss_is_focal()
    {
        const string source = """
            using CbGen;

            [ClassBalancedSweep(Losses = new[] { CbLoss.Softmax }, {|CB005:Gammas = new[] { 1.0, 2.0 }|})]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalancedSweep(Losses = new[] { CbLoss.Softmax })]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB023_removes_empty_sweep_axes()
    {
        const string source = """
            using CbGen;

            [ClassBalancedSweep({|CB023:Betas = new double[0]|}, {|CB023:Losses = new CbLoss[] { }|}, Name = "Grid")]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalancedSweep(Name = "Grid")]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            """;
        return new CodeFixTest<RemoveArgumentCodeFix>(source, fixedSource).RunAsync();
    }
}
