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

    public static CountTable Read(Stream stream, string display, int maxClasses)
    {
        var state = new CocoJsonState(display, maxClasses);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var readerState = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            int length = 0;
            bool final = false;
            bool first = true;
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
                    }
                }
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, readerState);
                while (reader.Read())
                {
                    state.Token(ref reader);
                }

                readerState = reader.CurrentState;
                int consumed = (int)reader.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        catch (JsonException e)
        {
            throw new InputException(display + ":" + Invariant.Format((e.LineNumber ?? 0) + 1) + ": not valid JSON: "
                + FirstSentence(e.Message) + " (expected COCO-style JSON: {\"categories\": [{\"id\": 0, \"name\": \"…\"}], "
                + "\"annotations\": [{\"category_id\": 0}]}).", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return state.Finish();
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end < 0 ? message : message.Substring(0, end)).TrimEnd('.', ' ');
    }
}
