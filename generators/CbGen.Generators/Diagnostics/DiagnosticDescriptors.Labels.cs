using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: the data labels of the classes ([Samples(n, Label = "…")], else the member name), which the
// generated code that matches data labels to classes (the ML.NET helpers …ByName and …ByKey) compares with.
internal static partial class DiagnosticDescriptors
{
    /// <summary>CB064: two members have the same data label (a <c>Label</c> equal to another member's <c>Label</c>, or to
    /// the name of a member without one). Reported on a <c>Label</c> of the two: the later one's, else the earlier's.
    /// The arguments: that member, its label as a C# literal, and what else the label is (<c>Parser.LabelOwner</c>).</summary>
    public static readonly DiagnosticDescriptor DuplicateLabel = Create(
        DiagnosticIds.DuplicateLabel, "Two classes have the same data label",
        "Member '{0}' has Label = {1}, which is already {2}; a data label must name one class: change this Label to the class's own label in the data, or remove it",
        DiagnosticSeverity.Error,
        "A class's data label is its [Samples(n, Label = \"…\")], else the member's name; the generated ML.NET helpers (…ByName, …ByKey) find a row's class by it. Two classes with one label would leave the rows of one of them with the other's weight. Give each class the label its rows carry in the data (cbgen enum writes them), or remove the Label that repeats another member's label or name.");

    /// <summary>CB065: a <c>Label</c> is empty or white space and invisible characters only (CountsFileFormat.IsBlankLabel). The arguments: the member and the label as a C# literal.</summary>
    public static readonly DiagnosticDescriptor EmptyLabel = Create(
        DiagnosticIds.EmptyLabel, "A data label must not be blank",
        "Member '{0}' has Label = {1}; a data label holds at least one visible character, not only white space or invisible characters such as U+200B or U+FEFF: write the class's label as the data has it, or remove Label to use the member name",
        DiagnosticSeverity.Error,
        "A class's data label is what the generated ML.NET helpers (…ByName, …ByKey) compare a row's label with; an empty or blank label (white space, or characters that show nothing: zero-width spaces, a byte-order mark, bidi controls) is almost always a mistake (ML.NET reads a missing text value as empty), and it could not be told apart in messages. Write the label the class's rows carry, or remove Label: without it the member's name is the label.");
}
