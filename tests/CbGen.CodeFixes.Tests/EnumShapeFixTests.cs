using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace CbGen.CodeFixes.Tests;

/// <summary>CB006 (renumber the members) and CB007 (remove [Flags]).</summary>
public sealed class EnumShapeFixTests
{
    [Fact]
    public Task CB006_gives_explicit_values_their_index_and_leaves_implicit_ones_implicit()
    {
        const string source = """
            using CbGen;

            [ClassBalanced]
            public enum Label
            {
                [Samples(100)] {|CB006:Cat|} = 5,
                [Samples(90)] {|CB006:Dog|},
                [Samples(80)] {|CB006:Owl|} = 1 + 1 + 5, // a comment that stays
            }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced]
            public enum Label
            {
                [Samples(100)] Cat = 0,
                [Samples(90)] Dog,
                [Samples(80)] Owl = 2, // a comment that stays
            }
            """;
        // One fix renumbers the whole enum, so the three diagnostics go in one step.
        return new CodeFixTest<RenumberMembersCodeFix>(source, fixedSource) { NumberOfIncrementalIterations = 1 }.RunAsync();
    }

    [Fact]
    public Task CB006_Fix_All_renumbers_every_enum_of_every_document()
    {
        const string first = """
            using CbGen;

            [ClassBalanced]
            public enum Label { [Samples(100)] Cat = 0, [Samples(90)] {|CB006:Dog|} = 0 }

            [ClassBalanced(Name = "Other")]
            public enum Second : byte { [Samples(100)] {|CB006:A|} = 3, [Samples(90)] B = 1 }
            """;
        const string second = """
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced]
                public enum Third { [Samples(100)] {|CB006:Cat|} = -1, [Samples(90)] Dog = 1 }
            }
            """;
        var test = new CodeFixTest<RenumberMembersCodeFix>(first, """
            using CbGen;

            [ClassBalanced]
            public enum Label { [Samples(100)] Cat = 0, [Samples(90)] Dog = 1 }

            [ClassBalanced(Name = "Other")]
            public enum Second : byte { [Samples(100)] A = 0, [Samples(90)] B = 1 }
            """);
        test.TestState.Sources.Add(second);
        test.FixedState.Sources.Add("""
            using CbGen;

            namespace Zoo
            {
                [ClassBalanced]
                public enum Third { [Samples(100)] Cat = 0, [Samples(90)] Dog = 1 }
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task CB007_removes_a_Flags_list_on_its_own_line_and_keeps_the_doc_comment()
    {
        const string source = """
            using System;
            using CbGen;

            namespace Zoo
            {
                /// <summary>The animals.</summary>
                [{|CB007:Flags|}]
                [ClassBalanced]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        const string fixedSource = """
            using System;
            using CbGen;

            namespace Zoo
            {
                /// <summary>The animals.</summary>
                [ClassBalanced]
                public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }
            """;
        return new CodeFixTest<RemoveFlagsCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB007_Fix_All_removes_Flags_from_shared_lists_and_later_lists()
    {
        const string source = """
            using CbGen;

            [{|CB007:System.Flags|}, ClassBalanced]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }

            [ClassBalanced(Name = "Other")] [{|CB007:System.FlagsAttribute|}] public enum Second { [Samples(100)] A, [Samples(90)] B }

            [ClassBalanced(Name = "Third"), {|CB007:System.Flags|}]
            public enum Third { [Samples(100)] A, [Samples(90)] B }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced]
            public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }

            [ClassBalanced(Name = "Other")] public enum Second { [Samples(100)] A, [Samples(90)] B }

            [ClassBalanced(Name = "Third")]
            public enum Third { [Samples(100)] A, [Samples(90)] B }
            """;
        return new CodeFixTest<RemoveFlagsCodeFix>(source, fixedSource).RunAsync();
    }
}
