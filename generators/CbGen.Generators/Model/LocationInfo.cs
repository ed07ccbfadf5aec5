using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Model;

/// <summary>A span in a file, as plain numbers (a <c>Location</c> would pin a syntax tree in the pipeline).</summary>
internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    /// <summary>The numbers of a source <paramref name="location"/>; null for none.</summary>
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        FileLinePositionSpan lines = location.GetLineSpan();
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }
}
