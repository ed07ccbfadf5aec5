using System;
using System.Collections.Generic;
using System.IO;

namespace CbGen.Cli.Input;

/// <summary>Counts the images of an image-folder tree: one sub-folder per class (sorted ordinally, as torchvision's
/// ImageFolder does), every image file below it counted, hidden files and folders skipped.</summary>
internal static class ImageFolderReader
{
    /// <summary>The image extensions counted (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> ImageExtensions =
        new[] { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff" };

    public static CountTable Read(string root, string display)
    {
        var classDirs = new List<DirectoryInfo>();
        int looseImages = 0;
        try
        {
            var rootInfo = new DirectoryInfo(root);
            foreach (DirectoryInfo dir in rootInfo.EnumerateDirectories())
            {
                if (!IsHidden(dir.Name))
                {
                    classDirs.Add(dir);
                }
            }

            foreach (FileInfo file in rootInfo.EnumerateFiles())
            {
                looseImages += IsImage(file.Name) ? 1 : 0;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(display + ": cannot list the folder: " + e.Message, e);
        }

        if (classDirs.Count == 0)
        {
            throw new InputException(display + ": the folder has no sub-folders; an image-folder tree has one sub-folder per class "
                + "(" + display + "/cat/001.png, " + display + "/dog/002.jpg, …).");
        }

        classDirs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var classes = new List<ClassCount>(classDirs.Count);
        var notes = new List<string>();
        int skipped = 0;
        foreach (DirectoryInfo dir in classDirs)
        {
            long count = CountImages(dir, display, ref skipped);
            classes.Add(new ClassCount(dir.Name, count));
            if (count == 0)
            {
                notes.Add("the class folder '" + dir.Name + "' holds no images.");
            }
        }

        long total = 0;
        foreach (ClassCount c in classes)
        {
            total += c.Count;
        }

        if (total == 0)
        {
            throw new InputException(display + ": no image files (" + string.Join(" ", ImageExtensions) + ") in its "
                + Invariant.Plural(classes.Count, "class folder", "class folders") + "; an image-folder tree holds them as "
                + display + "/cat/001.png, " + display + "/dog/002.jpg, ….");
        }

        if (looseImages > 0)
        {
            notes.Add(Invariant.Format(looseImages) + " image(s) directly in " + display + " were ignored: images belong in a class sub-folder.");
        }

        if (skipped > 0)
        {
            notes.Add(Invariant.Format(skipped) + " file(s) that are not images (" + string.Join(" ", ImageExtensions) + ") or are hidden were not counted.");
        }

        return new CountTable(display, SourceKind.Folder, "image folder", classes, notes);
    }

    private static long CountImages(DirectoryInfo classDir, string display, ref int skipped)
    {
        long count = 0;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(classDir);
        while (pending.Count > 0)
        {
            DirectoryInfo dir = pending.Pop();
            try
            {
                foreach (FileSystemInfo entry in dir.EnumerateFileSystemInfos())
                {
                    if (entry is DirectoryInfo sub)
                    {
                        if (!IsHidden(sub.Name))
                        {
                            pending.Push(sub);
                        }
                    }
                    else if (!IsHidden(entry.Name) && IsImage(entry.Name))
                    {
                        count++;
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(display + ": cannot list " + dir.FullName + ": " + e.Message, e);
            }
        }

        return count;
    }

    private static bool IsHidden(string name) => name.StartsWith('.');

    private static bool IsImage(string name)
    {
        string ext = Path.GetExtension(name);
        foreach (string image in ImageExtensions)
        {
            if (string.Equals(ext, image, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
