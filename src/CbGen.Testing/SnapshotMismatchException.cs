using System;

namespace CbGen.Testing;

/// <summary>A snapshot differs from its verified file (or has none), or a verified file is orphaned (its generated
/// file is no longer produced). The message holds a line diff or names the orphaned files; received text has been
/// written to <see cref="ReceivedPath"/>.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What differs, with the diff.</param>
    /// <param name="verifiedPath">The verified file (it may not exist).</param>
    /// <param name="receivedPath">The file the received text was written to; <see langword="null"/> for an orphaned
    /// verified file (nothing was received).</param>
    public SnapshotMismatchException(string message, string verifiedPath, string? receivedPath)
        : base(message)
    {
        VerifiedPath = verifiedPath;
        ReceivedPath = receivedPath;
    }

    /// <summary>The verified file (it may not exist).</summary>
    public string VerifiedPath { get; }

    /// <summary>The file the received text was written to; <see langword="null"/> when <see cref="VerifiedPath"/> is an
    /// orphaned verified file (the generator no longer produces it, so nothing was received).</summary>
    public string? ReceivedPath { get; }
}
