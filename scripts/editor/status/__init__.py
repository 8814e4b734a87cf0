"""The status round by spreadsheet: ``plan status export`` and ``plan status import``.

What comes in: the validated plan and its folder (export), filled-in workbooks (import). What goes out: one
workbook with a sheet per lead actor (:mod:`.export`, laid out by :mod:`.layout`); and status updates appended to
the plan's files, all or nothing, with every problem located in the workbook (:mod:`.read` with :mod:`.container`
and :mod:`.cells`, then :mod:`.apply`), a ``plan diff`` of the change and a pull request's description
(:mod:`.pr_body`). :mod:`.commands` prints the results for the command line.
"""
