using System.Threading.Tasks;

namespace CbGen.CodeFixes.Tests;

/// <summary>CB001 (add a failing [Samples] placeholder) and CB009 (add [ClassBalanced]).</summary>
public sealed class AddAttributeFixTests
{
    [Fact]
    public Task CB001_adds_a_placeholder_count_that_still_fails_with_CB002()
    {
        const string source = """
            using CbGen;

            [ClassBalanced]
            public enum Label
            {
                [Samples(100)] Cat,
                {|CB001:Dog|},
                // the owl
                {|CB001:Owl|} = 2,
            }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced]
            public enum Label
            {
                [Samples(100)] Cat,
                [Samples({|CB002:-1|})] Dog,
                // the owl
                [Samples({|CB002:-1|})] Owl = 2,
            }
            """;
        return new CodeFixTest<AddSamplesCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB001_placeholder_fails_under_ZeroCountPolicy_ZeroWeight_too()
    {
        const string source = """
            using CbGen;

            [ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Label { [Samples(100)] Cat, {|CB001:Dog|} }
            """;
        const string fixedSource = """
            using CbGen;

            [ClassBalanced(ZeroCounts = ZeroCountPolicy.ZeroWeight)]
            public enum Label { [Samples(100)] Cat, [Samples({|CB002:-1|})] Dog }
            """;
        return new CodeFixTest<AddSamplesCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB001_qualifies_the_attribute_when_CbGen_is_not_imported()
    {
        const string source = """
            namespace Zoo
            {
                [CbGen.ClassBalanced]
                public enum Label { [CbGen.Samples(100)] Cat, {|CB001:Dog|} }
            }
            """;
        const string fixedSource = """
            namespace Zoo
            {
                [CbGen.ClassBalanced]
                public enum Label { [CbGen.Samples(100)] Cat, [CbGen.Samples({|CB002:-1|})] Dog }
            }
            """;
        return new CodeFixTest<AddSamplesCodeFix>(source, fixedSource).RunAsync();
    }

    [Fact]
    public Task CB009_adds_ClassBalanced_once_above_the_enum_keeping_its_doc_comment()
    {
        const string source = """
            using CbGen;

            namespace Zoo
            {
                /// <summary>The animals.</summary>
                public enum Label
                {
                    [{|CB009:Samples(100)|}] Cat,
                    [{|CB009:Samples(90)|}] Dog,
                }
            }
            """;
        const string fixedSource = """
            using CbGen;

            namespace Zoo
            {
                /// <summary>The animals.</summary>
                [ClassBalanced]
                public enum Label
                {
                    [Samples(100)] Cat,
                    [Samples(90)] Dog,
                }
            }
            """;
        return new CodeFixTest<AddClassBalancedCodeFix>(source, fixedSource) { NumberOfIncrementalIterations = 1 }.RunAsync();
    }

    [Fact]
    public Task CB009_Fix_All_fixes_each_enum_once_with_a_qualified_name_without_using()
    {
        const string source = """
            [System.Serializable]
            internal enum Label { [{|CB009:CbGen.Samples(100)|}] Cat, [{|CB009:CbGen.Samples(90)|}] Dog }

            public enum Second { [{|CB009:CbGen.Samples(100)|}] A, [{|CB009:CbGen.Samples(90)|}] B }
            """;
        const string fixedSource = """
            [CbGen.ClassBalanced]
            [System.Serializable]
            internal enum Label { [CbGen.Samples(100)] Cat, [CbGen.Samples(90)] Dog }

            [CbGen.ClassBalanced]
            public enum Second { [CbGen.Samples(100)] A, [CbGen.Samples(90)] B }
            """;
        return new CodeFixTest<AddClassBalancedCodeFix>(source, fixedSource) { NumberOfIncrementalIterations = 2 }.RunAsync();
    }
}
