using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace CbGen.Cli.Input;

/// <summary>Counts the annotations of a COCO-style JSON file (iNaturalist 2017/2018, COCO, LVIS): <c>categories</c>
/// <c>[{id, name, …}]</c> name the classes, <c>annotations</c> <c>[{category_id, …}]</c> are the samples. Read
/// token by token with <see cref="Utf8JsonReader"/> over a rolling buffer, so memory stays at the buffer plus one
/// entry per category whatever the file's size; the two arrays may come in either order. Classes are ordered by
/// category id.</summary>
internal static class CocoJsonReader
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>What the file should look like, for the messages about a file that is not COCO-style JSON.</summary>
    public const string ExpectedShape = "COCO-style JSON: {\"categories\": [{\"id\": 0, \"name\": \"…\"}], "
        + "\"annotations\": [{\"category_id\": 0}]}";

    /// <summary>When the JSON goes on after its first value (System.Text.Json's "invalid after a single JSON value"), the
    /// file is most likely JSON lines: say so, and how to count it.</summary>
    private static string JsonLinesHint(JsonException e) =>
        e.Message.Contains("after a single JSON value", StringComparison.Ordinal)
            ? " It has a second JSON value after the first: this looks like JSON lines (one object per line), which cbgen does "
              + "not read; convert the label field to a CSV column (e.g. jq -r '.label' FILE) and count that."
            : string.Empty;

    public static CountTable Read(Stream stream, string display, int maxClasses, bool multiLabel = false)
    {
        var state = new CocoJsonState(display, maxClasses, multiLabel);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var window = new Window();
        int length = 0;
        try
        {
            var readerState = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            bool final = false;
            bool first = true;
            bool sawToken = false;
            while (!final)
            {
                if (length == buffer.Length)
                {
                    // One token is larger than the buffer: grow it.
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int n = stream.Read(buffer, length, buffer.Length - length);
                length += n;
                final = n == 0;
                if (first && length >= 3)
                {
                    // Utf8JsonReader does not skip a UTF-8 byte order mark; editors on Windows write one.
                    first = false;
                    if (buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        Buffer.BlockCopy(buffer, 3, buffer, 0, length - 3);
                        length -= 3;
                        window.Skip(3);
                    }
                }

                if (final && !sawToken && buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty)
                {
                    throw new InputException(display + ": the file is empty (no JSON value); expected " + ExpectedShape + ".");
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, readerState);
                while (reader.Read())
                {
                    sawToken = true;
                    state.Token(ref reader);
                }

                readerState = reader.CurrentState;
                int consumed = (int)reader.BytesConsumed;
                window.Advance(buffer.AsSpan(0, consumed));
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        catch (JsonException e)
        {
            long line = e.LineNumber ?? 0;
            long column = e.BytePositionInLine ?? 0;
            throw new InputException(display + ":" + Invariant.Format(line + 1) + ":" + Invariant.Format(column + 1) + ": not valid JSON: "
                + FirstSentence(e.Message) + " (line " + Invariant.Format(line + 1) + ", byte " + Invariant.Format(column + 1)
                + " of the line, byte offset " + Invariant.Format(window.Offset(buffer.AsSpan(0, length), line, column))
                + " of the file; expected " + ExpectedShape + ")." + JsonLinesHint(e), e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return state.Finish();
    }

    /// <summary>Where the unread part of the buffer starts in the file, in bytes and lines, so that a reader error's
    /// line and byte-in-line become a byte offset of the file.</summary>
    private sealed class Window
    {
        private long start;
        private long line;
        private long lineStart;

        public void Skip(int bytes)
        {
            start += bytes;
            lineStart += bytes;
        }

        public void Advance(ReadOnlySpan<byte> consumed)
        {
            for (int i = 0; i < consumed.Length; i++)
            {
                if (consumed[i] == (byte)'\n')
                {
                    line++;
                    lineStart = start + i + 1;
                }
            }

            start += consumed.Length;
        }

        /// <summary>The 0-based byte offset of byte <paramref name="column"/> of the 0-based <paramref name="errorLine"/>,
        /// which lies in the unread part <paramref name="unread"/>.</summary>
        public long Offset(ReadOnlySpan<byte> unread, long errorLine, long column)
        {
            long at = lineStart;
            for (int i = 0, l = (int)Math.Min(errorLine - line, int.MaxValue); l > 0 && i < unread.Length; i++)
            {
                if (unread[i] == (byte)'\n')
                {
                    l--;
                    at = start + i + 1;
                }
            }

            return at + column;
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end < 0 ? message : message.Substring(0, end)).TrimEnd('.', ' ');
    }
}
