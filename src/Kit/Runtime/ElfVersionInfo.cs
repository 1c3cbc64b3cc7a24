using System.Buffers.Binary;
using System.Text;

namespace Kit.Runtime;

/// <summary>
/// Reads and edits the symbol-versioning sections of a 64-bit little-endian ELF shared library:
/// which library versions it requires (.gnu.version_r), which it defines (.gnu.version_d),
/// and which undefined symbols are bound to each required version.
/// </summary>
public sealed class ElfVersionInfo
{
    const uint ShtDynsym = 11;
    const uint ShtGnuVerdef = 0x6ffffffd;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const uint ShtGnuVersym = 0x6fffffff;
    public const ushort VerFlagWeak = 0x2;

    readonly byte[] _image;
    readonly List<Section> _sections = [];

    record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>A version a library requires from one of its dependencies.</summary>
    public sealed record Requirement(string File, string Version, ushort Flags, ushort Index, long FlagsOffset)
    {
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    public string Path { get; }
    public IReadOnlyList<Requirement> Requirements { get; }
    public IReadOnlyList<string> Definitions { get; }

    ElfVersionInfo(string path, byte[] image)
    {
        Path = path;
        _image = image;
        ReadSections();
        Requirements = ReadRequirements();
        Definitions = ReadDefinitions();
    }

    public static ElfVersionInfo Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ElfVersionInfo(path, File.ReadAllBytes(path));
    }

    /// <summary>Undefined dynamic symbols whose version is one of <paramref name="versions"/>.</summary>
    public IReadOnlyList<string> SymbolsBoundTo(IEnumerable<string> versions)
    {
        var wanted = Requirements.Where(r => versions.Contains(r.Version)).Select(r => r.Index).ToHashSet();
        var dynsym = _sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = _sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym.Size == 0 || versym.Size == 0) return [];
        var strtab = _sections[(int)dynsym.Link];
        var result = new List<string>();
        long count = dynsym.Size / 24;
        for (long i = 0; i < count; i++)
        {
            long sym = dynsym.Offset + i * 24;
            ushort shndx = U16(sym + 6);
            ushort ver = (ushort)(U16(versym.Offset + i * 2) & 0x7fff);
            if (shndx == 0 && wanted.Contains(ver))
                result.Add(CString(strtab.Offset + U32(sym)));
        }
        return result;
    }

    /// <summary>
    /// A copy of the library's bytes in which the given required versions are marked weak:
    /// the dynamic loader then accepts the library when those versions are missing.
    /// </summary>
    public byte[] WithWeakRequirements(IEnumerable<string> versions)
    {
        var copy = (byte[])_image.Clone();
        var set = versions.ToHashSet();
        foreach (var r in Requirements.Where(r => set.Contains(r.Version)))
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan((int)r.FlagsOffset), (ushort)(r.Flags | VerFlagWeak));
        return copy;
    }

    void ReadSections()
    {
        if (_image.Length < 64 || _image[0] != 0x7f || _image[1] != 'E' || _image[2] != 'L' || _image[3] != 'F')
            throw new InvalidDataException($"'{Path}' is not an ELF file.");
        if (_image[4] != 2 || _image[5] != 1)
            throw new InvalidDataException($"'{Path}' is not a 64-bit little-endian ELF file.");
        long shoff = (long)U64(0x28);
        int shentsize = U16(0x3A), shnum = U16(0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shnum * shentsize > _image.Length)
            throw new InvalidDataException($"'{Path}' has no readable section headers.");
        for (int i = 0; i < shnum; i++)
        {
            long h = shoff + (long)i * shentsize;
            _sections.Add(new Section(U32(h + 4), (long)U64(h + 24), (long)U64(h + 32), U32(h + 40), U32(h + 44)));
        }
    }

    List<Requirement> ReadRequirements()
    {
        var list = new List<Requirement>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strtab = _sections[(int)sec.Link];
            long need = sec.Offset;
            for (uint n = 0; n < sec.Info; n++)
            {
                string file = CString(strtab.Offset + U32(need + 4));
                ushort cnt = U16(need + 2);
                long aux = need + U32(need + 8);
                for (int a = 0; a < cnt; a++)
                {
                    list.Add(new Requirement(file, CString(strtab.Offset + U32(aux + 8)), U16(aux + 4), U16(aux + 6), aux + 4));
                    uint nextAux = U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return list;
    }

    List<string> ReadDefinitions()
    {
        var list = new List<string>();
        foreach (var sec in _sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strtab = _sections[(int)sec.Link];
            long def = sec.Offset;
            for (uint n = 0; n < sec.Info; n++)
            {
                long aux = def + U32(def + 12);
                list.Add(CString(strtab.Offset + U32(aux)));
                uint next = U32(def + 16);
                if (next == 0) break;
                def += next;
            }
        }
        return list;
    }

    ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(_image.AsSpan((int)at, 2));
    uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan((int)at, 4));
    ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(_image.AsSpan((int)at, 8));

    string CString(long at)
    {
        int end = Array.IndexOf(_image, (byte)0, (int)at);
        return Encoding.ASCII.GetString(_image, (int)at, end - (int)at);
    }
}
