using System;

namespace FashionMnistLongTail.Data;

/// <summary>A data file is missing, truncated or not what it claims to be. The message names the file, what was
/// expected and what was found, and says how to fix it.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
