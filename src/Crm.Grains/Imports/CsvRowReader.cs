using System.Text;
using System.Text.Unicode;

namespace Crm.Grains.Imports;

/// <summary>
/// RFC 4180 records read straight from bytes: quotes (doubled inside), delimiters and line breaks (LF, CRLF or CR) in
/// quoted cells, a UTF-8 BOM skipped. Parsing works on bytes because every structural character is ASCII, so each cell
/// can be decoded on its own: UTF-8 when it is valid, Latin-1 otherwise, which reads a file of mixed encodings row by
/// row instead of refusing it whole. Blank lines are skipped. Streams: memory stays one buffer plus one record.
/// Callers on a grain await <see cref="ReadAheadAsync"/> before each record, so parsing reads from memory and only a
/// record longer than the read-ahead falls back to a synchronous read.
/// </summary>
public sealed class CsvRowReader(Stream stream, byte delimiter) : IDisposable
{
    private const byte Quote = (byte)'"';
    private const int MaxCellBytes = 1 << 20;
    private static readonly Encoding Latin1 = Encoding.Latin1;

    private const int ReadAhead = 64 * 1024;

    private readonly byte[] _buffer = new byte[4 * ReadAhead];
    private int _length;
    private int _position;
    private bool _ended;
    private long _line = 1;
    private byte[] _cell = new byte[256];
    private int _cellLength;
    private bool _blank;

    /// <summary>Reads ahead asynchronously until <see cref="ReadAhead"/> bytes are buffered or the stream ends.</summary>
    public async ValueTask ReadAheadAsync(CancellationToken cancellationToken = default)
    {
        if (_ended || _length - _position >= ReadAhead) return;
        Compact();
        while (_length < ReadAhead && !_ended)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken);
            if (read == 0) _ended = true;
            _length += read;
        }
    }

    /// <summary>Skips a UTF-8 byte order mark at the start of the stream; returns whether there was one.</summary>
    public bool SkipBom()
    {
        if (!Fill(3)) return false;
        if (_length - _position >= 3 && _buffer[_position] == 0xEF && _buffer[_position + 1] == 0xBB && _buffer[_position + 2] == 0xBF)
        {
            _position += 3;
            return true;
        }
        return false;
    }

    /// <summary>
    /// When false, records come with their cell count, encoding and errors but empty cells: a scan (counting rows,
    /// skipping the rows a resumed run committed) then allocates no strings.
    /// </summary>
    public bool DecodeCells { get; set; } = true;

    /// <summary>The next non-blank record, or false at the end of the file.</summary>
    public bool TryRead(out CsvRecord record)
    {
        while (true)
        {
            if (!Fill(1))
            {
                record = default;
                return false;
            }
            var start = _line;
            var cells = new List<string>();
            var latin1 = false;
            string? error = null;
            var errorColumn = 0;
            var recordEnded = false;
            while (!recordEnded)
            {
                _cellLength = 0;
                var quoted = Fill(1) && _buffer[_position] == Quote;
                if (quoted) _position++;
                var closed = !quoted;
                while (true)
                {
                    if (!Fill(1))
                    {
                        recordEnded = true;
                        if (!closed && error is null) (error, errorColumn) = ("a quote opened in this cell is never closed", cells.Count + 1);
                        break;
                    }
                    var b = _buffer[_position];
                    if (quoted && !closed)
                    {
                        _position++;
                        if (b == Quote)
                        {
                            if (Fill(1) && _buffer[_position] == Quote)
                            {
                                _position++;
                                Append(b);
                            }
                            else closed = true;
                        }
                        else
                        {
                            if (b == (byte)'\n' || (b == (byte)'\r' && !(Fill(1) && _buffer[_position] == (byte)'\n'))) _line++;
                            Append(b);
                        }
                        continue;
                    }
                    if (b == delimiter)
                    {
                        _position++;
                        break;
                    }
                    if (b is (byte)'\n' or (byte)'\r')
                    {
                        _position++;
                        if (b == (byte)'\r' && Fill(1) && _buffer[_position] == (byte)'\n') _position++;
                        _line++;
                        recordEnded = true;
                        break;
                    }
                    _position++;
                    if (quoted && error is null) (error, errorColumn) = ("text after the closing quote; quote the whole cell and double quotes inside it", cells.Count + 1);
                    Append(b);
                }
                if (_cellLength > MaxCellBytes && error is null) (error, errorColumn) = ($"a cell longer than {MaxCellBytes / 1024} KB (a quote never closed?)", cells.Count + 1);
                cells.Add(Decode(ref latin1));
            }
            if (cells.Count == 1 && cells[0].Length == 0 && error is null && (DecodeCells || _blank)) continue;
            record = new CsvRecord(start, cells.ToArray(), latin1, error, errorColumn);
            return true;
        }
    }

    /// <summary>Which of comma, semicolon and tab the first line uses most (outside quotes); comma when none.</summary>
    public static byte DetectDelimiter(ReadOnlySpan<byte> head)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        var start = head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        foreach (var b in head[start..])
        {
            if (b == Quote) quoted = !quoted;
            else if (quoted) continue;
            else if (b is (byte)'\n' or (byte)'\r') break;
            else if (b == (byte)',') commas++;
            else if (b == (byte)';') semicolons++;
            else if (b == (byte)'\t') tabs++;
        }
        if (tabs > commas && tabs >= semicolons) return (byte)'\t';
        return semicolons > commas ? (byte)';' : (byte)',';
    }

    public void Dispose() => stream.Dispose();

    private void Append(byte b)
    {
        if (_cellLength == _cell.Length)
        {
            if (_cellLength > MaxCellBytes) return;
            Array.Resize(ref _cell, _cell.Length * 2);
        }
        _cell[_cellLength++] = b;
    }

    private string Decode(ref bool latin1)
    {
        _blank = _cellLength == 0;
        if (_cellLength == 0) return "";
        var bytes = _cell.AsSpan(0, Math.Min(_cellLength, _cell.Length));
        if (Utf8.IsValid(bytes)) return DecodeCells ? Encoding.UTF8.GetString(bytes) : "";
        latin1 = true;
        return DecodeCells ? Latin1.GetString(bytes) : "";
    }

    private void Compact()
    {
        Array.Copy(_buffer, _position, _buffer, 0, _length - _position);
        _length -= _position;
        _position = 0;
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available unless the stream ends first.</summary>
    private bool Fill(int count)
    {
        if (_length - _position >= count) return true;
        if (_ended) return _length - _position >= count;
        Compact();
        while (_length < count && !_ended)
        {
            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0) _ended = true;
            _length += read;
        }
        return _length - _position >= count;
    }
}
