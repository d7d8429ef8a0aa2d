"""The review page (``localize serve``): one more front end over the library ``review`` uses."""
