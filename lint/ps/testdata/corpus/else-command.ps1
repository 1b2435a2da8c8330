# Keywords out of place are command names to PowerShell: these run
# commands named else, catch and until (and fail at run time), but parse.
function else { 'else was called' }
else
catch { 'a script block argument' }
until
