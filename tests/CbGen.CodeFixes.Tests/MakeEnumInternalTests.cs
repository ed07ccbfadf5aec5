using System.Threading.Tasks;

namespace CbGen.CodeFixes.Tests;

/// <summary>CB012: a private, protected or private protected enum becomes internal.</summary>
public sealed class MakeEnumInternalTests
{
    [Fact]
    public Task CB012_makes_private_and_private_protected_enums_internal()
    {
        const string source = """
            using CbGen;

            public class Holder
            {
                [{|CB012:ClassBalanced|}]
                private enum Label { [Samples(100)] Cat, [Samples(90)] Dog }

                [{|CB012:ClassBalanced(Name = "Other")|}]
                private protected enum Second { [Samples(100)] A, [Samples(90)] B }

                [{|CB012:ClassBalanced(Name = "Third")|}, {|CB012:ClassBalanced(Name = "Fourth")|}]
                protected enum Third { [Samples(100)] A, [Samples(90)] B }
            }
            """;
        const string fixedSource = """
            using CbGen;

            public class Holder
            {
                [ClassBalanced]
                internal enum Label { [Samples(100)] Cat, [Samples(90)] Dog }

                [ClassBalanced(Name = "Other")]
                internal enum Second { [Samples(100)] A, [Samples(90)] B }

                [ClassBalanced(Name = "Third"), ClassBalanced(Name = "Fourth")]
                internal enum Third { [Samples(100)] A, [Samples(90)] B }
            }
            """;
        return new CodeFixTest<MakeEnumInternalCodeFix>(source, fixedSource) { NumberOfIncrementalIterations = 3 }.RunAsync();
    }

    [Fact]
    public Task CB012_offers_no_fix_when_a_containing_type_is_the_problem()
    {
        // Making the enum internal would not help: the generic (or private) container still hides it.
        const string source = """
            using CbGen;

            public class Box<T>
            {
                [{|CB012:ClassBalanced|}]
                private enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
            }

            public class Outer
            {
                private class Inner
                {
                    [{|CB012:ClassBalanced(Name = "Hidden")|}]
                    public enum Label { [Samples(100)] Cat, [Samples(90)] Dog }
                }
            }
            """;
        return new CodeFixTest<MakeEnumInternalCodeFix>(source, source).RunAsync();
    }
}
