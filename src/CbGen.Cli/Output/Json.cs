using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CbGen.Cli.Output;

/// <summary>Writes indented JSON (numbers round-trip, non-ASCII class names kept readable) to a <see cref="TextWriter"/>.</summary>
internal static class Json
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            body(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
