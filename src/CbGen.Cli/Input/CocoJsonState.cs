using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CbGen.Cli.Input;

/// <summary>What <see cref="CocoJsonReader"/> has seen: the categories (id → name), the annotations per category id,
/// and where the reader is (the top-level array it is in, the current element's fields). Fed one token at a time.</summary>
internal sealed partial class CocoJsonState
{
    private static ReadOnlySpan<byte> Categories => "categories"u8;

    private static ReadOnlySpan<byte> Annotations => "annotations"u8;

    private static ReadOnlySpan<byte> Id => "id"u8;

    private static ReadOnlySpan<byte> NameProperty => "name"u8;

    private static ReadOnlySpan<byte> CategoryId => "category_id"u8;

    private readonly string display;
    private readonly int maxClasses;
    private readonly Dictionary<long, string> names = new();
    private readonly Dictionary<long, long> counts = new();
    private Section section;
    private Field field;
    private long? elementId;
    private string? elementName;
    private long? elementCategory;
    private long elementIndex;
    private long annotationCount;
    private bool sawCategories;
    private bool sawAnnotations;
    private bool started;

    public CocoJsonState(string display, int maxClasses, bool multiLabel = false)
    {
        this.display = display;
        this.maxClasses = maxClasses;
        this.multiLabel = multiLabel;
    }

    private enum Section
    {
        Other,
        Categories,
        Annotations,
        Images,
    }

    private enum Field
    {
        Other,
        Id,
        Name,
        CategoryId,
        ImageId,
    }

    public void Token(ref Utf8JsonReader reader)
    {
        int depth = reader.CurrentDepth;
        JsonTokenType token = reader.TokenType;
        if (!started)
        {
            started = true;
            if (token != JsonTokenType.StartObject)
            {
                throw Error("the top level is not an object; expected " + CocoJsonReader.ExpectedShape + ".");
            }

            return;
        }

        switch (depth)
        {
            case 1 when token == JsonTokenType.PropertyName:
                section = reader.ValueTextEquals(Categories) ? Section.Categories
                    : reader.ValueTextEquals(Annotations) ? Section.Annotations
                    : multiLabel && reader.ValueTextEquals(Images) ? Section.Images
                    : Section.Other;
                elementIndex = 0;
                break;
            case 1 when section != Section.Other:
                if (token != JsonTokenType.StartArray && token != JsonTokenType.EndArray)
                {
                    throw Error("'" + SectionName() + "' is not an array.");
                }

                sawCategories |= section == Section.Categories;
                sawAnnotations |= section == Section.Annotations;
                sawImages |= section == Section.Images;
                break;
            case 2 when section != Section.Other:
                if (token == JsonTokenType.StartObject)
                {
                    elementId = null;
                    elementName = null;
                    elementCategory = null;
                    elementImage = null;
                }
                else if (token == JsonTokenType.EndObject)
                {
                    EndElement();
                }
                else
                {
                    throw Error(SectionName() + "[" + Invariant.Format(elementIndex) + "] is not an object.");
                }

                break;
            case 3 when section != Section.Other && token == JsonTokenType.PropertyName:
                field = section == Section.Categories
                    ? reader.ValueTextEquals(Id) ? Field.Id : reader.ValueTextEquals(NameProperty) ? Field.Name : Field.Other
                    : section == Section.Images ? reader.ValueTextEquals(Id) ? Field.ImageId : Field.Other
                    : reader.ValueTextEquals(CategoryId) ? Field.CategoryId
                    : multiLabel && reader.ValueTextEquals(ImageId) ? Field.ImageId : Field.Other;
                break;
            case 3 when section != Section.Other && field != Field.Other:
                Value(ref reader, token);
                break;
        }
    }

    private void Value(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (field == Field.Name)
        {
            if (token != JsonTokenType.String)
            {
                throw Error("categories[" + Invariant.Format(elementIndex) + "].name is not a string.");
            }

            elementName = reader.GetString();
            return;
        }

        string what = field == Field.Id ? "categories[" + Invariant.Format(elementIndex) + "].id"
            : field == Field.ImageId ? SectionName() + "[" + Invariant.Format(elementIndex) + "]." + (section == Section.Images ? "id" : "image_id")
            : "annotations[" + Invariant.Format(elementIndex) + "].category_id";
        if (token != JsonTokenType.Number || !reader.TryGetInt64(out long value))
        {
            throw Error(what + " is not a whole number.");
        }

        if (field == Field.Id)
        {
            elementId = value;
        }
        else if (field == Field.ImageId)
        {
            elementImage = value;
        }
        else
        {
            elementCategory = value;
        }
    }

    private void EndElement()
    {
        long index = elementIndex++;
        if (section == Section.Images)
        {
            EndImage(index);
            return;
        }

        if (section == Section.Annotations)
        {
            if (elementCategory is not long category)
            {
                throw Error("annotations[" + Invariant.Format(index) + "] has no category_id.");
            }

            annotationCount++;
            if (multiLabel && !FirstOnImage(index, category))
            {
                return;
            }

            if (counts.TryGetValue(category, out long n))
            {
                counts[category] = n + 1;
            }
            else
            {
                if (counts.Count >= maxClasses)
                {
                    throw LabelTally.TooManyClasses(display, "annotations[].category_id", maxClasses,
                        "more than " + Invariant.Format(maxClasses) + " distinct categories (at annotations[" + Invariant.Format(index) + "])");
                }

                counts.Add(category, 1);
            }

            return;
        }

        if (elementId is not long id || elementName is null)
        {
            throw Error("categories[" + Invariant.Format(index) + "] has no " + (elementId is null ? "id" : "name")
                + "; each category needs an \"id\" and a \"name\".");
        }

        if (!names.TryAdd(id, elementName))
        {
            throw Error("categories[" + Invariant.Format(index) + "] repeats the id " + Invariant.Format(id) + ".");
        }

        if (names.Count > maxClasses)
        {
            throw LabelTally.TooManyClasses(display, "categories[]", maxClasses, "more than " + Invariant.Format(maxClasses) + " categories");
        }
    }

    public CountTable Finish()
    {
        if (!started)
        {
            throw Error("the file is empty; expected COCO-style JSON.");
        }

        if (!sawCategories)
        {
            throw Error("no \"categories\" array; COCO-style JSON names its classes in \"categories\": [{\"id\": 0, \"name\": \"…\"}].");
        }

        if (!sawAnnotations)
        {
            throw Error("no \"annotations\" array; COCO-style JSON lists its samples in \"annotations\": [{\"category_id\": 0, …}].");
        }

        if (names.Count == 0)
        {
            throw Error("the \"categories\" array is empty.");
        }

        foreach (long category in counts.Keys)
        {
            if (!names.ContainsKey(category))
            {
                throw Error("an annotation has category_id " + Invariant.Format(category) + ", which no category has as its id.");
            }
        }

        var ids = new List<long>(names.Keys);
        ids.Sort();
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        var classes = new List<ClassCount>(ids.Count);
        int empty = 0;
        foreach (long id in ids)
        {
            string name = names[id];
            if (!byName.TryAdd(name, id))
            {
                throw Error("the categories " + Invariant.Format(byName[name]) + " and " + Invariant.Format(id) + " are both named '" + name
                    + "'; a counts file needs distinct class names.");
            }

            long n = counts.TryGetValue(id, out long c) ? c : 0;
            empty += n == 0 ? 1 : 0;
            classes.Add(new ClassCount(name, n));
        }

        var notes = new List<string>();
        if (empty > 0)
        {
            notes.Add(Invariant.Plural(empty, "category has", "categories have") + " no annotations (count 0).");
        }

        if (ids[ids.Count - 1] - ids[0] + 1 != ids.Count)
        {
            notes.Add("the category ids are not contiguous (" + Invariant.Format(ids[0]) + ".." + Invariant.Format(ids[ids.Count - 1])
                + "); the class index is the position in id order, not the id.");
        }

        string description = "COCO-style JSON, " + Invariant.Plural(annotationCount, "annotation", "annotations");
        if (multiLabel)
        {
            return FinishMultiLabel(description, classes, notes);
        }

        return new CountTable(display, SourceKind.Json, description, classes, notes);
    }

    private string SectionName() => section == Section.Categories ? "categories" : section == Section.Images ? "images" : "annotations";

    private InputException Error(string what) => new(display + ": " + what);
}
