namespace CbGen.Generators.Model;

/// <summary>A hint name <see cref="From"/> that another file's differs from only by case, and the unique one used instead.</summary>
internal sealed record HintRename(string From, string To);
