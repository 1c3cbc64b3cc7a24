using System.Security.Cryptography;

namespace Kit.Cli.Bundle;

/// <summary>Copies a file and hashes it in the same read: a bundle is read once from a slow USB stick, not twice.</summary>
public static class HashingCopy
{
    public static BundleFile Copy(string from, string to, string relativePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            sha.AppendData(buffer.AsSpan(0, read));
            output.Write(buffer.AsSpan(0, read));
            total += read;
        }
        return new BundleFile(relativePath.Replace('\\', '/'), total, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public static BundleFile Describe(string file, string relativePath)
    {
        using var input = File.OpenRead(file);
        return new BundleFile(relativePath.Replace('\\', '/'), input.Length, Convert.ToHexStringLower(SHA256.HashData(input)));
    }
}
