using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Steward.Packaging.Archives;

namespace Steward.Server.Tests.Packages;

/// <summary>
/// Generators of damaged package archives, each made from a valid one: flipped bytes, truncations, manifests
/// with nulls, wrong types, huge counts and sizes, traversing or absolute paths, duplicate names, entries the
/// manifest does not list, and a small zip bomb declaring a huge size.
/// </summary>
public static class MalformedArchives
{
    public const string Version = "2.00.1493.2000";

    private static readonly byte[] Agent = Encoding.UTF8.GetBytes($"#!/bin/sh\necho {Version}\n");
    private static readonly byte[] Readme = Encoding.UTF8.GetBytes("test agent\n");

    /// <summary>A valid archive, built the way <c>steward package build</c> builds it.</summary>
    public static readonly byte[] Valid = Hosting.Packages.Archive(Version);

    // Values that are wrong somewhere in a manifest: nulls, other types, extremes, hostile paths.
    private static readonly JsonNode?[] BadValues =
    [
        null, "", " ", "x", "../x", "../../etc/passwd", "/etc/passwd", "C:/Windows/x", "a\\b", "a//b", "./a", "a/./b", "a\u0000b",
        PackageArchive.ManifestName, new string('a', 5000), 0, -1, 1, 2, long.MaxValue, long.MinValue, 1e300, 0.5, true, false,
        new JsonArray(), new JsonArray(JsonValue.Create(1)), new JsonObject(), new string('0', 64), new string('g', 64), "2.00.1493", "9.99.9999.9999",
    ];

    private static readonly string[] Fields = ["format", "version", "entryPoint", "files"];
    private static readonly string[] FileFields = ["path", "size", "sha256", "executable"];

    /// <summary>Every kind of damage, each case described for the failure message.</summary>
    public static Gen<(string Description, byte[] Bytes)> Any => Gen.OneOf(Flipped, Truncated, BadField, BadFileField, BadManifestText, ManyFiles, ExtraEntry, DuplicateEntry, Bomb);

    private static Gen<(string, byte[])> Flipped =>
        Gen.Select(Gen.Int[0, Valid.Length - 1].Array[1, 8], Gen.Byte[1, 255]).Select((positions, mask) =>
        {
            var bytes = (byte[])Valid.Clone();
            foreach (var position in positions)
            {
                bytes[position] ^= mask;
            }

            return ($"bytes {string.Join(',', positions)} xor {mask}", bytes);
        });

    private static Gen<(string, byte[])> Truncated =>
        Gen.Int[0, Valid.Length - 1].Select(length => ($"truncated to {length} bytes", Valid[..length]));

    private static Gen<(string, byte[])> BadField =>
        Gen.Select(Gen.OneOf(Fields), Gen.Int[0, BadValues.Length]).Select((name, value) =>
        {
            var manifest = ValidManifest();
            if (value == BadValues.Length)
            {
                manifest.Remove(name);
            }
            else
            {
                manifest[name] = BadValues[value]?.DeepClone();
            }

            return ($"manifest.{name} = {Show(manifest[name])}", Zip(manifest.ToJsonString()));
        });

    private static Gen<(string, byte[])> BadFileField =>
        Gen.Select(Gen.Int[0, 1], Gen.OneOf(FileFields), Gen.Int[0, BadValues.Length + 1]).Select((index, name, value) =>
        {
            var manifest = ValidManifest();
            var files = manifest["files"]!.AsArray();
            if (value == BadValues.Length)
            {
                files[index] = null;
            }
            else if (value == BadValues.Length + 1)
            {
                files[index]!.AsObject().Remove(name);
            }
            else
            {
                files[index]![name] = BadValues[value]?.DeepClone();
            }

            return ($"manifest.files[{index}] = {Show(files[index])}", Zip(manifest.ToJsonString()));
        });

    private static Gen<(string, byte[])> BadManifestText =>
        Gen.OneOf("null", "[]", "\"x\"", "1", "{", "{\"files\":[null]}", "{\"format\":1,\"files\":{}}", "", "\uFEFF{}", new string('[', 2000) + new string(']', 2000))
            .Select(text => ($"manifest text {Show(text)}", Zip(text)));

    // A list of one file repeated: duplicates within the limit, a refused count beyond it.
    private static Gen<(string, byte[])> ManyFiles =>
        Gen.Int[2, 12_000].Select(count =>
        {
            var manifest = ValidManifest();
            var files = manifest["files"]!.AsArray();
            var first = files[0]!;
            for (var i = files.Count; i < count; i++)
            {
                files.Add(first.DeepClone());
            }

            return ($"{count} files listed", Zip(manifest.ToJsonString()));
        });

    private static Gen<(string, byte[])> ExtraEntry =>
        Gen.OneOf("../evil", "../../evil", "/etc/evil", "C:/evil", "a\\..\\evil", "dir/../../evil", "extra.txt", "../dir/", " ")
            .Select(name => ($"extra entry {Show(name)}", Zip(ValidManifest().ToJsonString(), (name, Readme))));

    private static Gen<(string, byte[])> DuplicateEntry =>
        Gen.OneOf(PackageArchive.ManifestName, "README.txt", "steward-agent")
            .Select(name => ($"entry {name} twice", Zip(ValidManifest().ToJsonString(), (name, name == PackageArchive.ManifestName ? Encoding.UTF8.GetBytes(ValidManifest().ToJsonString()) : Readme))));

    // A megabyte of zeros compresses to about a kilobyte; the manifest claims it is far bigger, or the true size.
    private static Gen<(string, byte[])> Bomb =>
        Gen.OneOf(long.MaxValue, 5L << 30, 1L << 20, (1L << 20) - 1).Select(declared =>
        {
            var zeros = new byte[1 << 20];
            var manifest = ValidManifest();
            manifest["files"]!.AsArray().Add(new JsonObject
            {
                ["path"] = "zeros.bin", ["size"] = declared, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(zeros)), ["executable"] = false,
            });
            return ($"zeros.bin of 1 MiB declared as {declared} bytes", Zip(manifest.ToJsonString(), ("zeros.bin", zeros)));
        });

    private static JsonObject ValidManifest()
    {
        using var zip = new ZipArchive(new MemoryStream(Valid), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(PackageArchive.ManifestName)!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static byte[] Zip(string manifest, params (string Name, byte[] Data)[] extra)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in ((string, byte[])[])[(PackageArchive.ManifestName, Encoding.UTF8.GetBytes(manifest)), ("steward-agent", Agent), ("README.txt", Readme), .. extra])
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    private static string Show(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
