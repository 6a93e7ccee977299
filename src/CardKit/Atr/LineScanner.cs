namespace CardKit.Atr;

/// <summary>
/// The lines of a <see cref="TextReader"/> as spans over one reused buffer, split where
/// <see cref="TextReader.ReadLine"/> splits them ('\n', '\r', "\r\n"). Scanning smartcard_list.txt
/// (about 14,000 lines) this way allocates only for the lines a caller keeps, which is most of what
/// a one-ATR lookup in a fresh process costs besides reading the file.
/// </summary>
/// <param name="reader">Where the lines come from.</param>
/// <param name="bufferSize">The first buffer's size in characters; it doubles for a longer line.</param>
internal sealed class LineScanner(TextReader reader, int bufferSize = 16 * 1024)
{
    private char[] _buffer = new char[bufferSize];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private bool _skipLineFeed;

    /// <summary>The next line without its line break; false at the end of the input.</summary>
    /// <remarks>The span is valid until the next call.</remarks>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            if (_skipLineFeed && _start < _end)
            {
                // The previous line ended with '\r'; a '\n' right after it belongs to that break.
                if (_buffer[_start] == '\n')
                    _start++;
                _skipLineFeed = false;
            }
            var pending = _buffer.AsSpan(_start, _end - _start);
            var lineBreak = pending.IndexOfAny('\r', '\n');
            if (lineBreak >= 0)
            {
                line = pending[..lineBreak];
                _skipLineFeed = pending[lineBreak] == '\r';
                _start += lineBreak + 1;
                return true;
            }
            if (_endOfInput)
            {
                line = pending;
                _start = _end;
                return !pending.IsEmpty;
            }
            Fill();
        }
    }

    private void Fill()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_start > 0)
            Array.Copy(_buffer, _start, _buffer, 0, pending);
        _start = 0;
        _end = pending;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfInput = true;
        _end += read;
    }
}
